import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { nfConntrackCount } from '../../../../../src/parsers/sys/net/netfilter/nf_conntrack_count';
import { fixture } from '../../../../support/fixtures';

describe('sys/net/netfilter/nf_conntrack_count', () => {
  it('parses Linux 6.x', () => {
    expect(nfConntrackCount.parse(fixture('proc/sys/net/netfilter/nf_conntrack_count'), 'nf_conntrack_count')).to.deep.equal([
      { value: 0 },
    ]);
  });

  it('gives no record for an empty file', () => {
    expect(nfConntrackCount.parse('', 'nf_conntrack_count')).to.deep.equal([]);
  });

  it('rejects text where the number must be', () => {
    expect(() => nfConntrackCount.parse('many\n', '/tmp/nf_conntrack_count')).to.throw(
      ParseError,
      /\/tmp\/nf_conntrack_count:1: value is not an integer \("many"\)/,
    );
  });

  it('rejects a line with two numbers', () => {
    expect(() => nfConntrackCount.parse('1 2\n', '/tmp/nf_conntrack_count')).to.throw(
      ParseError,
      /\/tmp\/nf_conntrack_count:1: expected one number, found 2 fields/,
    );
  });
});
