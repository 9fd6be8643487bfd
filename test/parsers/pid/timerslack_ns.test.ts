import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseTimerslackNs } from '../../../src/parsers/pid/single';
import { fixture } from '../../support/fixtures';

describe('pid/timerslack_ns', () => {
  it('parses Linux 6.x', () => {
    expect(parseTimerslackNs(fixture('proc/4242/timerslack_ns'))).to.deep.equal([{ timerslack_ns: 50000 }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(parseTimerslackNs('')).to.deep.equal([]);
    expect(() => parseTimerslackNs('50us\n', '/proc/1/timerslack_ns')).to.throw(ParseError, /\/proc\/1\/timerslack_ns:1: timerslack_ns is not an integer/);
  });
});
