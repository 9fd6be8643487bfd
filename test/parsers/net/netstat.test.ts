import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseNetstat } from '../../../src/parsers/net/netstat';
import { fixture } from '../../support/fixtures';

describe('net/netstat', () => {
  it('keeps every section of Linux 6.x, MPTcpExt included', () => {
    const records = parseNetstat(fixture('proc/net/netstat'));
    expect(records.map((r) => r.protocol)).to.deep.equal(['TcpExt', 'IpExt', 'MPTcpExt']);
    expect(Object.keys(records[0].counters)).to.have.length(135);
    expect(records[0].counters).to.include({ SyncookiesSent: 0, TCPAODroppedIcmps: 0 });
    expect(Object.keys(records[2].counters)).to.have.length(76);
  });

  it('parses Linux 3.2 with its large IpExt octet counters', () => {
    const records = parseNetstat(fixture('linux-3.2/proc/net/netstat'));
    expect(records).to.have.length(2);
    expect(records[0].counters).to.include({
      SyncookiesSent: 0,
      SyncookiesRecv: 0,
      SyncookiesFailed: 2,
      EmbryonicRsts: 0,
      PruneCalled: 1027,
    });
    expect(Object.keys(records[0].counters)).to.have.length(81);
    expect(records[1].counters).to.include({ InOctets: 13019707225, OutOctets: 141648776982, OutBcastOctets: 328 });
  });

  it('rejects a header line without values', () => {
    expect(() => parseNetstat('TcpExt: A B\n')).to.throw(ParseError, /net\/netstat:1: header line without a value line/);
  });
});
