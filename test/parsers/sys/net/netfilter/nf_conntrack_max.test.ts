import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { nfConntrackMax } from '../../../../../src/parsers/sys/net/netfilter/nf_conntrack_max';
import { fixture } from '../../../../support/fixtures';

describe('sys/net/netfilter/nf_conntrack_max', () => {
  it('parses Linux 6.x', () => {
    expect(nfConntrackMax.parse(fixture('proc/sys/net/netfilter/nf_conntrack_max'), 'nf_conntrack_max')).to.deep.equal([{ value: 262144 }]);
  });

  it('gives no record for an empty file', () => {
    expect(nfConntrackMax.parse('', 'nf_conntrack_max')).to.deep.equal([]);
  });

  it('rejects text where the number must be', () => {
    expect(() => nfConntrackMax.parse('many\n', '/tmp/nf_conntrack_max')).to.throw(
      ParseError,
      /\/tmp\/nf_conntrack_max:1: value is not an integer \("many"\)/,
    );
  });

  it('rejects a line with two numbers', () => {
    expect(() => nfConntrackMax.parse('1 2\n', '/tmp/nf_conntrack_max')).to.throw(
      ParseError,
      /\/tmp\/nf_conntrack_max:1: expected one number, found 2 fields/,
    );
  });
});
