import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { comm } from '../../../src/parsers/pid/comm';
import { fixture } from '../../support/fixtures';

describe('pid/comm', () => {
  it('parses Linux 6.x', () => {
    expect(comm.parse(fixture('proc/4242/comm'), 'pid/comm')).to.deep.equal([{ comm: 'python3' }]);
  });
  it('parses Linux 3.2', () => {
    expect(comm.parse(fixture('linux-3.2/proc/self/comm'), 'pid/comm')).to.deep.equal([{ comm: 'cat' }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(comm.parse('', 'pid/comm')).to.deep.equal([]);
    expect(() => comm.parse('a\nb\n', '/proc/1/comm')).to.throw(ParseError, /\/proc\/1\/comm:2: expected one line, found 2/);
  });
});
