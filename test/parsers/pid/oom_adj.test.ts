import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { oomAdj } from '../../../src/parsers/pid/oom_adj';
import { fixture } from '../../support/fixtures';

describe('pid/oom_adj', () => {
  it('parses Linux 6.x', () => {
    expect(oomAdj.parse(fixture('proc/4242/oom_adj'), 'pid/oom_adj')).to.deep.equal([{ oom_adj: 0 }]);
  });
  it('parses Linux 3.2', () => {
    expect(oomAdj.parse(fixture('linux-3.2/proc/self/oom_adj'), 'pid/oom_adj')).to.deep.equal([{ oom_adj: -17 }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(oomAdj.parse('', 'pid/oom_adj')).to.deep.equal([]);
    expect(() => oomAdj.parse('-1 7\n', '/proc/1/oom_adj')).to.throw(ParseError, /\/proc\/1\/oom_adj:1: oom_adj is not an integer/);
  });
});
