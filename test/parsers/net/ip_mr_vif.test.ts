import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIpMrVif } from '../../../src/parsers/formats/mroute';
import { fixture } from '../../support/fixtures';

describe('net/ip_mr_vif', () => {
  it('parses the header-only Linux 6.x file as no records', () => {
    expect(parseIpMrVif(fixture('proc/net/ip_mr_vif'))).to.deep.equal([]);
  });

  it('parses the synthetic file, decoding Local and Remote', () => {
    const records = parseIpMrVif(fixture('synthetic/proc/net/ip_mr_vif'));
    expect(records).to.have.length(3);
    expect(records[0]).to.deep.equal({
      vif: 0,
      Interface: 'eth0',
      BytesIn: 1200,
      PktsIn: 10,
      BytesOut: 3400,
      PktsOut: 20,
      Flags: '00000',
      Local: '192.168.1.15',
      Local_hex: '0F01A8C0',
      Remote: '0.0.0.0',
      Remote_hex: '00000000',
    });
    expect(records[2]).to.deep.equal({
      vif: 2,
      Interface: 'gre1',
      BytesIn: 56789,
      PktsIn: 321,
      BytesOut: 98765,
      PktsOut: 432,
      Flags: '00001',
      Local: '10.0.0.1',
      Local_hex: '0100000A',
      Remote: '10.0.0.2',
      Remote_hex: '0200000A',
    });
  });

  it('rejects a row without the Remote column', () => {
    const text =
      'Interface      BytesIn  PktsIn  BytesOut PktsOut Flags Local    Remote\n 0 eth0           1200      10      3400      20 00000 0F01A8C0\n';
    expect(() => parseIpMrVif(text)).to.throw(ParseError, /net\/ip_mr_vif:2: expected 9 columns, found 8/);
  });
});
