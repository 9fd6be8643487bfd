import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIpConntrackExpect } from '../../../src/parsers/formats/conntrack-expect';
import { fixture } from '../../support/fixtures';

describe('net/ip_conntrack_expect', () => {
  it('parses the synthetic Linux 3.x-style file (no l3proto)', () => {
    const records = parseIpConntrackExpect(fixture('synthetic/proc/net/ip_conntrack_expect'));
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      timeout: 297,
      proto: 6,
      tuple: { src: '192.168.1.14', dst: '192.168.1.1', sport: 0, dport: 40013 },
      flags: [],
    });
    expect(records[1]).to.deep.equal({ proto: 17, tuple: { src: '0.0.0.0', dst: '192.168.1.14', sport: 0, dport: 5060 }, flags: [] });
  });

  it('rejects a line without the tuple', () => {
    expect(() => parseIpConntrackExpect('297 proto=6\n')).to.throw(ParseError, /net\/ip_conntrack_expect:1: expected the expected tuple/);
  });
});
