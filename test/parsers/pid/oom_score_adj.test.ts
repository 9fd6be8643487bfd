import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { oomScoreAdj } from '../../../src/parsers/pid/oom_score_adj';
import { fixture } from '../../support/fixtures';

describe('pid/oom_score_adj', () => {
  it('parses Linux 6.x', () => {
    expect(oomScoreAdj.parse(fixture('proc/4242/oom_score_adj'), 'pid/oom_score_adj')).to.deep.equal([{ oom_score_adj: 0 }]);
  });
  it('parses Linux 3.2', () => {
    expect(oomScoreAdj.parse(fixture('linux-3.2/proc/self/oom_score_adj'), 'pid/oom_score_adj')).to.deep.equal([{ oom_score_adj: 0 }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(oomScoreAdj.parse('', 'pid/oom_score_adj')).to.deep.equal([]);
    expect(() => oomScoreAdj.parse('0x10\n', '/proc/1/oom_score_adj')).to.throw(
      ParseError,
      /\/proc\/1\/oom_score_adj:1: oom_score_adj is not an integer/,
    );
  });
});
