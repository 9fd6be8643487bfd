import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { cpuset } from '../../../src/parsers/pid/cpuset';
import { fixture } from '../../support/fixtures';

describe('pid/cpuset', () => {
  it('parses Linux 6.x', () => {
    expect(cpuset.parse(fixture('proc/4242/cpuset'), 'pid/cpuset')).to.deep.equal([{ cpuset: '/' }]);
  });
  it('parses Linux 3.2', () => {
    expect(cpuset.parse(fixture('linux-3.2/proc/self/cpuset'), 'pid/cpuset')).to.deep.equal([{ cpuset: '/' }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(cpuset.parse('', 'pid/cpuset')).to.deep.equal([]);
    expect(() => cpuset.parse('/\n/a\n', '/proc/1/cpuset')).to.throw(ParseError, /\/proc\/1\/cpuset:2: expected one line, found 2/);
  });
});
