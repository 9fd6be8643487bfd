import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseAutogroup } from '../../../src/parsers/pid/autogroup';
import { fixture } from '../../support/fixtures';

describe('pid/autogroup', () => {
  it('parses Linux 6.x', () => {
    expect(parseAutogroup(fixture('proc/4242/autogroup'))).to.deep.equal([{ name: '/autogroup-6', id: 6, nice: 0 }]);
  });
  it('parses Linux 3.2', () => {
    expect(parseAutogroup(fixture('linux-3.2/proc/self/autogroup'))).to.deep.equal([{ name: '/autogroup-48593', id: 48593, nice: 0 }]);
  });
  it('rejects another shape and a nice that is not a number', () => {
    expect(() => parseAutogroup('/autogroup-6 0\n', '/proc/1/autogroup')).to.throw(
      ParseError,
      /\/proc\/1\/autogroup:1: expected "\/autogroup-ID nice N"/,
    );
    expect(() => parseAutogroup('/autogroup-6 nice x\n')).to.throw(ParseError, /pid\/autogroup:1: nice is not an integer/);
  });
});
