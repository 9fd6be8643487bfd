import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parsePtype } from '../../../src/parsers/net/ptype';
import { fixture } from '../../support/fixtures';

describe('net/ptype', () => {
  it('parses Linux 6.x (no device, bare function names)', () => {
    const records = parsePtype(fixture('proc/net/ptype'));
    expect(records).to.deep.equal([
      { Type: '0800', Function: 'ip_rcv' },
      { Type: '0004', Function: 'llc_rcv' },
      { Type: '0806', Function: 'arp_rcv' },
      { Type: '86dd', Function: 'ipv6_rcv' },
    ]);
  });

  it('parses Linux 3.2 (ALL bound to a device)', () => {
    const records = parsePtype(fixture('linux-3.2/proc/net/ptype'));
    expect(records).to.have.length(9);
    expect(records[0]).to.deep.equal({ Type: 'ALL', Device: 'eth0', Function: 'tpacket_rcv+0x0/0x7d0' });
    expect(records[8]).to.deep.equal({ Type: '86dd', Function: 'ipv6_rcv+0x0/0x3c0' });
  });

  it('rejects a bad type', () => {
    expect(() => parsePtype('Type Device      Function\nIPv4          ip_rcv\n')).to.throw(
      ParseError,
      /net\/ptype:2: Type is neither ALL nor hexadecimal/,
    );
  });
});
