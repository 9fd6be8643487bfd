import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { arch } from '../../../../src/parsers/sys/kernel/arch';
import { fixture } from '../../../support/fixtures';

describe('sys/kernel/arch', () => {
  it('parses Linux 6.x', () => {
    expect(arch.parse(fixture('proc/sys/kernel/arch'), 'arch')).to.deep.equal([{ value: 'x86_64' }]);
  });

  it('rejects a second line', () => {
    expect(() => arch.parse('a\nb\n', '/tmp/arch')).to.throw(ParseError, /\/tmp\/arch:2: expected one line/);
  });
});
