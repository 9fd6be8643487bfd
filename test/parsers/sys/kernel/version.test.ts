import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { kernelVersion } from '../../../../src/parsers/sys/kernel/version';
import { fixture } from '../../../support/fixtures';

describe('sys/kernel/version', () => {
  it('parses Linux 6.x', () => {
    expect(kernelVersion.parse(fixture('proc/sys/kernel/version'), 'version')).to.deep.equal([{ value: '#1 SMP PREEMPT_DYNAMIC @0' }]);
  });

  it('keeps the spaces of the build string', () => {
    const build = '#1 SMP Debian 6.1.112-1 (2024-09-30)';
    expect(kernelVersion.parse(`${build}\n`, 'version')).to.deep.equal([{ value: build }]);
  });

  it('rejects a second line', () => {
    expect(() => kernelVersion.parse('a\nb\n', '/tmp/version')).to.throw(ParseError, /\/tmp\/version:2: expected one line/);
  });
});
