import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { pidMax } from '../../../../src/parsers/sys/kernel/pid_max';
import { fixture } from '../../../support/fixtures';

describe('sys/kernel/pid_max', () => {
  it('parses Linux 6.x', () => {
    expect(pidMax.parse(fixture('proc/sys/kernel/pid_max'), 'pid_max')).to.deep.equal([{ value: 32768 }]);
  });

  it('rejects a value that is not a number', () => {
    expect(() => pidMax.parse('ten\n', '/tmp/pid_max')).to.throw(ParseError, /\/tmp\/pid_max:1: value is not an integer \("ten"\)/);
  });

  it('rejects a second line', () => {
    expect(() => pidMax.parse('1\n2\n', '/tmp/pid_max')).to.throw(ParseError, /\/tmp\/pid_max:2: expected one line/);
  });
});
