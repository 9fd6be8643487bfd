import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { setgroups } from '../../../src/parsers/pid/setgroups';
import { fixture } from '../../support/fixtures';

describe('pid/setgroups', () => {
  it('parses Linux 6.x', () => {
    expect(setgroups.parse(fixture('proc/4242/setgroups'), 'pid/setgroups')).to.deep.equal([{ setgroups: 'allow' }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(setgroups.parse('', 'pid/setgroups')).to.deep.equal([]);
    expect(() => setgroups.parse('allow deny\n', '/proc/1/setgroups')).to.throw(
      ParseError,
      /\/proc\/1\/setgroups:1: expected one word, found 2/,
    );
  });
});
