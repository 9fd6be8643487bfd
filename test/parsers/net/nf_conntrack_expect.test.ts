import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseNfConntrackExpect } from '../../../src/parsers/formats/conntrack-expect';
import { fixture } from '../../support/fixtures';

describe('net/nf_conntrack_expect', () => {
  it('parses the empty Linux 6.x file as no records', () => {
    expect(parseNfConntrackExpect(fixture('proc/net/nf_conntrack_expect'))).to.deep.equal([]);
  });

  it('parses the synthetic file: timeout, tuple, flags, helper/policy', () => {
    const records = parseNfConntrackExpect(fixture('synthetic/proc/net/nf_conntrack_expect'));
    expect(records).to.have.length(3);
    expect(records[0]).to.deep.equal({
      timeout: 297,
      l3proto: 2,
      proto: 6,
      tuple: { src: '192.168.1.14', dst: '192.168.1.1', sport: 0, dport: 40013 },
      flags: [],
      helper: 'ftp',
    });
    expect(records[1]).to.deep.equal({
      l3proto: 2,
      proto: 17,
      tuple: { src: '0.0.0.0', dst: '192.168.1.14', sport: 0, dport: 5060 },
      flags: ['PERMANENT'],
      helper: 'sip',
      policy: 'signalling',
    });
    expect(records[2]).to.deep.equal({
      timeout: 58,
      l3proto: 10,
      proto: 6,
      tuple: { src: '2001:db8::14', dst: '2001:db8::1', sport: 0, dport: 50021 },
      flags: ['INACTIVE', 'USERSPACE'],
    });
  });

  it('rejects a malformed l3proto', () => {
    expect(() => parseNfConntrackExpect('297 l3proto 2 proto=6 src=1.2.3.4\n')).to.throw(
      ParseError,
      /net\/nf_conntrack_expect:1: expected "l3proto = N"/,
    );
  });

  it('rejects a non-numeric timeout', () => {
    expect(() => parseNfConntrackExpect('soon l3proto = 2 proto=6 src=1.2.3.4\n')).to.throw(
      ParseError,
      /net\/nf_conntrack_expect:1: timeout is not an integer/,
    );
  });
});
