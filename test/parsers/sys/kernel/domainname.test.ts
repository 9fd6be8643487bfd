import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { domainname } from '../../../../src/parsers/sys/kernel/domainname';
import { fixture } from '../../../support/fixtures';

describe('sys/kernel/domainname', () => {
  it('parses Linux 6.x', () => {
    expect(domainname.parse(fixture('proc/sys/kernel/domainname'), 'domainname')).to.deep.equal([{ value: '(none)' }]);
  });

  it('rejects a second line', () => {
    expect(() => domainname.parse('a\nb\n', '/tmp/domainname')).to.throw(ParseError, /\/tmp\/domainname:2: expected one line/);
  });
});
