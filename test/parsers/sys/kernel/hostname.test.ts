import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { hostname } from '../../../../src/parsers/sys/kernel/hostname';
import { fixture } from '../../../support/fixtures';

describe('sys/kernel/hostname', () => {
  it('parses Linux 6.x', () => {
    expect(hostname.parse(fixture('proc/sys/kernel/hostname'), 'hostname')).to.deep.equal([{ value: 'vm' }]);
  });

  it('keeps an empty host name as an empty value', () => {
    expect(hostname.parse('\n', 'hostname')).to.deep.equal([{ value: '' }]);
  });

  it('rejects a second line', () => {
    expect(() => hostname.parse('a\nb\n', '/tmp/hostname')).to.throw(ParseError, /\/tmp\/hostname:2: expected one line/);
  });
});
