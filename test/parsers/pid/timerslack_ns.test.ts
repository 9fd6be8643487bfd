import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { timerslackNs } from '../../../src/parsers/pid/timerslack_ns';
import { fixture } from '../../support/fixtures';

describe('pid/timerslack_ns', () => {
  it('parses Linux 6.x', () => {
    expect(timerslackNs.parse(fixture('proc/4242/timerslack_ns'), 'pid/timerslack_ns')).to.deep.equal([{ timerslack_ns: 50000 }]);
  });
  it('gives no record for an empty file and rejects malformed text', () => {
    expect(timerslackNs.parse('', 'pid/timerslack_ns')).to.deep.equal([]);
    expect(() => timerslackNs.parse('50us\n', '/proc/1/timerslack_ns')).to.throw(
      ParseError,
      /\/proc\/1\/timerslack_ns:1: timerslack_ns is not an integer/,
    );
  });
});
