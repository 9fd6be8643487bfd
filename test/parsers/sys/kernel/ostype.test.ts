import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { ostype } from '../../../../src/parsers/sys/kernel/ostype';
import { fixture } from '../../../support/fixtures';

describe('sys/kernel/ostype', () => {
  it('parses Linux 6.x', () => {
    expect(ostype.parse(fixture('proc/sys/kernel/ostype'), 'ostype')).to.deep.equal([{ value: 'Linux' }]);
  });

  it('gives no record for an empty file', () => {
    expect(ostype.parse('', 'ostype')).to.deep.equal([]);
  });

  it('rejects a second line', () => {
    expect(() => ostype.parse('a\nb\n', '/tmp/ostype')).to.throw(ParseError, /\/tmp\/ostype:2: expected one line/);
  });
});
