import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseStatm } from '../../../src/parsers/pid/statm';
import { fixture } from '../../support/fixtures';

describe('pid/statm', () => {
  it('parses Linux 6.x', () => {
    expect(parseStatm(fixture('proc/4242/statm'))).to.deep.equal([
      { size: 4275, resident: 3609, shared: 1759, text: 1, lib: 0, data: 2064, dt: 0 },
    ]);
  });
  it('parses Linux 3.2', () => {
    expect(parseStatm(fixture('linux-3.2/proc/self/statm'))).to.deep.equal([
      { size: 1796, resident: 88, shared: 69, text: 11, lib: 0, data: 78, dt: 0 },
    ]);
  });
  it('rejects a truncated line and text', () => {
    expect(() => parseStatm('1 2 3\n')).to.throw(ParseError, /pid\/statm:1: expected at least 7 columns, found 3/);
    expect(() => parseStatm('1 2 x 4 5 6 7\n', '/proc/9/statm')).to.throw(ParseError, /\/proc\/9\/statm:1: shared is not an integer/);
  });
});
