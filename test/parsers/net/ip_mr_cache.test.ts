import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIpMrCache } from '../../../src/parsers/formats/mroute';
import { fixture } from '../../support/fixtures';

describe('net/ip_mr_cache', () => {
  it('parses the header-only Linux 6.x file as no records', () => {
    expect(parseIpMrCache(fixture('proc/net/ip_mr_cache'))).to.deep.equal([]);
  });

  it('parses the synthetic file, decoding addresses and outgoing interfaces', () => {
    const records = parseIpMrCache(fixture('synthetic/proc/net/ip_mr_cache'));
    expect(records).to.have.length(3);
    expect(records[0]).to.deep.equal({
      Group: '239.1.1.1',
      Group_hex: '010101EF',
      Origin: '10.0.0.1',
      Origin_hex: '0100000A',
      Iif: 0,
      Pkts: 12,
      Bytes: 840,
      Wrong: 0,
      Oifs: [
        { vif: 1, ttl: 1 },
        { vif: 2, ttl: 1 },
      ],
    });
    expect(records[1]).to.include({ Group: '239.255.255.250', Origin: '192.168.1.15', Iif: 2, Pkts: 4, Bytes: 280, Wrong: 1 });
    expect(records[1].Oifs).to.deep.equal([{ vif: 0, ttl: 64 }]);
    expect(records[2]).to.deep.equal({
      Group: '239.1.1.5',
      Group_hex: '050101EF',
      Origin: '10.0.0.3',
      Origin_hex: '0300000A',
      Iif: 1,
      Pkts: 0,
      Bytes: 0,
      Wrong: 0,
      Oifs: [],
    });
  });

  it('rejects an outgoing interface without its ttl', () => {
    const text = 'Group    Origin   Iif     Pkts    Bytes    Wrong Oifs\n010101EF 0100000A 0         12      840        0  1\n';
    expect(() => parseIpMrCache(text)).to.throw(ParseError, /net\/ip_mr_cache:2: expected an outgoing interface "vif:ttl"/);
  });
});
