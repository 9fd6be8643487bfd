import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIp6MrVif } from '../../../src/parsers/formats/mroute';
import { fixture } from '../../support/fixtures';

describe('net/ip6_mr_vif', () => {
  it('parses the header-only Linux 6.x file as no records', () => {
    expect(parseIp6MrVif(fixture('proc/net/ip6_mr_vif'))).to.deep.equal([]);
  });

  it('parses the synthetic file', () => {
    const records = parseIp6MrVif(fixture('synthetic/proc/net/ip6_mr_vif'));
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({ vif: 0, Interface: 'eth0', BytesIn: 5120, PktsIn: 40, BytesOut: 2048, PktsOut: 16, Flags: '00000' });
    expect(records[1]).to.deep.equal({ vif: 1, Interface: 'pim6reg', BytesIn: 0, PktsIn: 0, BytesOut: 0, PktsOut: 0, Flags: '00001' });
  });

  it('rejects a non-numeric counter', () => {
    const text = 'Interface      BytesIn  PktsIn  BytesOut PktsOut Flags\n 0 eth0           5120      4x      2048      16 00000\n';
    expect(() => parseIp6MrVif(text)).to.throw(ParseError, /net\/ip6_mr_vif:2: PktsIn is not an integer/);
  });
});
