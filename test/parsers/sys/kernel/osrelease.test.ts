import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { osrelease } from '../../../../src/parsers/sys/kernel/osrelease';
import { fixture } from '../../../support/fixtures';

describe('sys/kernel/osrelease', () => {
  it('parses Linux 6.x', () => {
    expect(osrelease.parse(fixture('proc/sys/kernel/osrelease'), 'osrelease')).to.deep.equal([{ value: '6.18.44-fc-v669' }]);
  });

  it('rejects a second line', () => {
    expect(() => osrelease.parse('a\nb\n', '/tmp/osrelease')).to.throw(ParseError, /\/tmp\/osrelease:2: expected one line/);
  });
});
