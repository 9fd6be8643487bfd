import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSetgroups } from '../../../src/parsers/pid/single';
import { fixture } from '../../support/fixtures';

describe('pid/setgroups', () => {
  it('parses Linux 6.x', () => {
    expect(parseSetgroups(fixture('proc/4242/setgroups'))).to.deep.equal([{ setgroups: 'allow' }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(parseSetgroups('')).to.deep.equal([]);
    expect(() => parseSetgroups('allow deny\n', '/proc/1/setgroups')).to.throw(ParseError, /\/proc\/1\/setgroups:1: expected one word, found 2/);
  });
});
