import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseWchan } from '../../../src/parsers/pid/single';
import { fixture } from '../../support/fixtures';

describe('pid/wchan', () => {
  it('parses Linux 6.x', () => {
    expect(parseWchan(fixture('proc/4242/wchan'))).to.deep.equal([{ wchan: 'hrtimer_nanosleep' }]);
  });
  it('parses Linux 3.2', () => {
    expect(parseWchan(fixture('linux-3.2/proc/self/wchan'))).to.deep.equal([{ wchan: '0' }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(parseWchan('')).to.deep.equal([]);
    expect(() => parseWchan('do_wait schedule', '/proc/1/wchan')).to.throw(ParseError, /\/proc\/1\/wchan:1: expected one word, found 2/);
  });
});
