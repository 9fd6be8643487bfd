import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseConsoles } from '../../src/parsers/consoles';
import { fixture } from '../support/fixtures';

describe('consoles', () => {
  it('parses Linux 6.x', () => {
    expect(parseConsoles(fixture('proc/consoles'))).to.deep.equal([
      { device: 'ttyS0', operations: '-W-', flags: 'EC  p a', major: 4, minor: 64 },
    ]);
  });

  it('parses Linux 3.2', () => {
    expect(parseConsoles(fixture('linux-3.2/proc/consoles'))).to.deep.equal([
      { device: 'tty0', operations: '-WU', flags: 'EC p  ', major: 4, minor: 7 },
    ]);
  });

  it('leaves major and minor out for a console without a tty device', () => {
    expect(parseConsoles('netcon0              -W- (E     )\n')).to.deep.equal([{ device: 'netcon0', operations: '-W-', flags: 'E     ' }]);
  });

  it('rejects a device number that is not a number', () => {
    expect(() => parseConsoles('ttyS0                -W- (EC  p a)    4:x\n', '/tmp/consoles')).to.throw(
      ParseError,
      /\/tmp\/consoles:1: minor is not an integer/,
    );
  });

  it('rejects a line without flags', () => {
    expect(() => parseConsoles('ttyS0 -W-\n')).to.throw(ParseError, /consoles:1: expected "NAME OPS \(FLAGS\)"/);
  });
});
