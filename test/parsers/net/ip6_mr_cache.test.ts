import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIp6MrCache } from '../../../src/parsers/formats/mroute';
import { fixture } from '../../support/fixtures';

describe('net/ip6_mr_cache', () => {
  it('parses the header-only Linux 6.x file as no records', () => {
    expect(parseIp6MrCache(fixture('proc/net/ip6_mr_cache'))).to.deep.equal([]);
  });

  it('parses the synthetic file, addresses as printed', () => {
    const records = parseIp6MrCache(fixture('synthetic/proc/net/ip6_mr_cache'));
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      Group: 'ff05:0000:0000:0000:0000:0000:0000:0101',
      Origin: '2001:0db8:0000:0000:0000:0000:0000:0001',
      Iif: 0,
      Pkts: 7,
      Bytes: 700,
      Wrong: 0,
      Oifs: [{ vif: 1, ttl: 1 }],
    });
    expect(records[1]).to.deep.equal({
      Group: 'ff0e:0000:0000:0000:0000:0000:0000:0202',
      Origin: '2001:0db8:0000:0000:0000:0000:0000:0002',
      Iif: 1,
      Pkts: 0,
      Bytes: 0,
      Wrong: 0,
      Oifs: [],
    });
  });

  it('rejects a truncated row', () => {
    const text =
      'Group                            Origin                           Iif      Pkts  Bytes     Wrong  Oifs\nff05::101 2001:db8::1 0 7\n';
    expect(() => parseIp6MrCache(text)).to.throw(ParseError, /net\/ip6_mr_cache:2: expected at least 6 columns, found 4/);
  });
});
