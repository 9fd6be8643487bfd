import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { wchan } from '../../../src/parsers/pid/wchan';
import { fixture } from '../../support/fixtures';

describe('pid/wchan', () => {
  it('parses Linux 6.x', () => {
    expect(wchan.parse(fixture('proc/4242/wchan'), 'pid/wchan')).to.deep.equal([{ wchan: 'hrtimer_nanosleep' }]);
  });
  it('parses Linux 3.2', () => {
    expect(wchan.parse(fixture('linux-3.2/proc/self/wchan'), 'pid/wchan')).to.deep.equal([{ wchan: '0' }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(wchan.parse('', 'pid/wchan')).to.deep.equal([]);
    expect(() => wchan.parse('do_wait schedule', '/proc/1/wchan')).to.throw(ParseError, /\/proc\/1\/wchan:1: expected one word, found 2/);
  });
});
