import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseExecdomains } from '../../src/parsers/execdomains';
import { fixture } from '../support/fixtures';

describe('execdomains', () => {
  it('parses Linux 6.x', () => {
    expect(parseExecdomains(fixture('proc/execdomains'))).to.deep.equal([{ pers_low: 0, pers_high: 0, name: 'Linux', module: 'kernel' }]);
  });

  it('parses Linux 3.2', () => {
    const records = parseExecdomains(fixture('linux-3.2/proc/execdomains'));
    expect(records).to.deep.equal([
      { pers_low: 0, pers_high: 0, name: 'Linux', module: 'kernel' },
      { pers_low: 4, pers_high: 11, name: 'OtherLinux', module: 'spurn' },
    ]);
  });

  it('rejects a range that is not numbers', () => {
    expect(() => parseExecdomains('0-x\tLinux           \t[kernel]\n', '/tmp/execdomains')).to.throw(
      ParseError,
      /\/tmp\/execdomains:1: pers_high is not an integer \("x"\)/,
    );
  });

  it('rejects a module without brackets', () => {
    expect(() => parseExecdomains('0-0\tLinux\tkernel\n')).to.throw(ParseError, /execdomains:1: expected "\[MODULE\]"/);
  });
});
