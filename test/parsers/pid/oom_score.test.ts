import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseOomScore } from '../../../src/parsers/pid/single';
import { fixture } from '../../support/fixtures';

describe('pid/oom_score', () => {
  it('parses Linux 6.x', () => {
    expect(parseOomScore(fixture('proc/4242/oom_score'))).to.deep.equal([{ oom_score: 666 }]);
  });
  it('parses Linux 3.2', () => {
    expect(parseOomScore(fixture('linux-3.2/proc/self/oom_score'))).to.deep.equal([{ oom_score: 1 }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(parseOomScore('')).to.deep.equal([]);
    expect(() => parseOomScore('high\n', '/proc/1/oom_score')).to.throw(ParseError, /\/proc\/1\/oom_score:1: oom_score is not an integer \("high"\)/);
  });
});
