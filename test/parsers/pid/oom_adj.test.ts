import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseOomAdj } from '../../../src/parsers/pid/single';
import { fixture } from '../../support/fixtures';

describe('pid/oom_adj', () => {
  it('parses Linux 6.x', () => {
    expect(parseOomAdj(fixture('proc/4242/oom_adj'))).to.deep.equal([{ oom_adj: 0 }]);
  });
  it('parses Linux 3.2', () => {
    expect(parseOomAdj(fixture('linux-3.2/proc/self/oom_adj'))).to.deep.equal([{ oom_adj: -17 }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(parseOomAdj('')).to.deep.equal([]);
    expect(() => parseOomAdj('-1 7\n', '/proc/1/oom_adj')).to.throw(ParseError, /\/proc\/1\/oom_adj:1: oom_adj is not an integer/);
  });
});
