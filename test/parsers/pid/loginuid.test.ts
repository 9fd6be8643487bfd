import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseLoginuid } from '../../../src/parsers/pid/single';
import { fixture } from '../../support/fixtures';

describe('pid/loginuid', () => {
  it('parses Linux 6.x', () => {
    expect(parseLoginuid(fixture('proc/4242/loginuid'))).to.deep.equal([{ loginuid: 4294967295 }]);
  });
  it('parses Linux 3.2', () => {
    expect(parseLoginuid(fixture('linux-3.2/proc/self/loginuid'))).to.deep.equal([{ loginuid: 4294967295 }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(parseLoginuid('')).to.deep.equal([]);
    expect(() => parseLoginuid('-', '/proc/1/loginuid')).to.throw(ParseError, /\/proc\/1\/loginuid:1: loginuid is not an integer/);
  });
});
