import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFile } from '../../../src/parse';
import { exe } from '../../../src/parsers/pid/exe';
import { fixturePath } from '../../support/fixtures';

describe('pid/exe', () => {
  it('reads the Linux 6.x symbolic link target', () => {
    const result = parseFile(fixturePath('proc/4242/exe'));
    expect(result.handler).to.equal('pid/exe');
    expect(result.records).to.deep.equal([{ target: '/root/.pyenv/versions/3.11.7/bin/python3.11' }]);
  });
  it('reads the Linux 3.2 copy (a regular file holding the target, no newline)', () => {
    expect(parseFile(fixturePath('linux-3.2/proc/self/exe')).records).to.deep.equal([{ target: '/bin/bash' }]);
  });
  it('rejects text of more than one line', () => {
    expect(() => exe.parse('/a\n/b\n', '/proc/1/exe')).to.throw(ParseError, /\/proc\/1\/exe:2: expected one link target/);
  });
});
