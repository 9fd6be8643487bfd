import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSnmp } from '../../../src/parsers/net/snmp';
import { fixture } from '../../support/fixtures';

describe('net/snmp', () => {
  it('pairs header and value lines per protocol (Linux 6.x)', () => {
    const records = parseSnmp(fixture('proc/net/snmp'));
    expect(records.map((r) => r.protocol)).to.deep.equal(['Ip', 'Icmp', 'IcmpMsg', 'Tcp', 'Udp', 'UdpLite']);
    expect(records[0].counters).to.include({ Forwarding: 2, DefaultTTL: 64, InReceives: 2861 });
    expect(records[3].counters).to.include({ RtoAlgorithm: 1, RtoMin: 200, RtoMax: 120000, MaxConn: -1 });
    expect(records[5].counters).to.deep.equal({
      InDatagrams: 0,
      NoPorts: 0,
      InErrors: 0,
      OutDatagrams: 0,
      RcvbufErrors: 0,
      SndbufErrors: 0,
      InCsumErrors: 0,
      IgnoredMulti: 0,
      MemErrors: 0,
    });
  });

  it('parses Linux 3.2', () => {
    const records = parseSnmp(fixture('linux-3.2/proc/net/snmp'));
    expect(records).to.have.length(6);
    expect(records[3].counters.MaxConn).to.equal(-1);
  });

  it('rejects a value line that does not match its header', () => {
    expect(() => parseSnmp('Tcp: A B\nTcp: 1\n')).to.throw(ParseError, /net\/snmp:2: 2 names but 1 values/);
    expect(() => parseSnmp('Tcp: A B\nUdp: 1 2\n')).to.throw(ParseError, /net\/snmp:2: expected the values of Tcp/);
  });
});
