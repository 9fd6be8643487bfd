import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { loginuid } from '../../../src/parsers/pid/loginuid';
import { fixture } from '../../support/fixtures';

describe('pid/loginuid', () => {
  it('parses Linux 6.x', () => {
    expect(loginuid.parse(fixture('proc/4242/loginuid'), 'pid/loginuid')).to.deep.equal([{ loginuid: 4294967295 }]);
  });
  it('parses Linux 3.2', () => {
    expect(loginuid.parse(fixture('linux-3.2/proc/self/loginuid'), 'pid/loginuid')).to.deep.equal([{ loginuid: 4294967295 }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(loginuid.parse('', 'pid/loginuid')).to.deep.equal([]);
    expect(() => loginuid.parse('-', '/proc/1/loginuid')).to.throw(ParseError, /\/proc\/1\/loginuid:1: loginuid is not an integer/);
  });
});
