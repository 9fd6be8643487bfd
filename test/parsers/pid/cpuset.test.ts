import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseCpuset } from '../../../src/parsers/pid/single';
import { fixture } from '../../support/fixtures';

describe('pid/cpuset', () => {
  it('parses Linux 6.x', () => {
    expect(parseCpuset(fixture('proc/4242/cpuset'))).to.deep.equal([{ cpuset: '/' }]);
  });
  it('parses Linux 3.2', () => {
    expect(parseCpuset(fixture('linux-3.2/proc/self/cpuset'))).to.deep.equal([{ cpuset: '/' }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(parseCpuset('')).to.deep.equal([]);
    expect(() => parseCpuset('/\n/a\n', '/proc/1/cpuset')).to.throw(ParseError, /\/proc\/1\/cpuset:2: expected one line, found 2/);
  });
});
