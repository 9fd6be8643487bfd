import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { oomScore } from '../../../src/parsers/pid/oom_score';
import { fixture } from '../../support/fixtures';

describe('pid/oom_score', () => {
  it('parses Linux 6.x', () => {
    expect(oomScore.parse(fixture('proc/4242/oom_score'), 'pid/oom_score')).to.deep.equal([{ oom_score: 666 }]);
  });
  it('parses Linux 3.2', () => {
    expect(oomScore.parse(fixture('linux-3.2/proc/self/oom_score'), 'pid/oom_score')).to.deep.equal([{ oom_score: 1 }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(oomScore.parse('', 'pid/oom_score')).to.deep.equal([]);
    expect(() => oomScore.parse('high\n', '/proc/1/oom_score')).to.throw(
      ParseError,
      /\/proc\/1\/oom_score:1: oom_score is not an integer \("high"\)/,
    );
  });
});
