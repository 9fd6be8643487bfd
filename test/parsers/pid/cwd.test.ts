import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFile } from '../../../src/parse';
import { cwd } from '../../../src/parsers/pid/cwd';
import { fixturePath } from '../../support/fixtures';

describe('pid/cwd', () => {
  it('reads the Linux 6.x symbolic link target', () => {
    const result = parseFile(fixturePath('proc/4242/cwd'));
    expect(result.handler).to.equal('pid/cwd');
    expect(result.records).to.deep.equal([{ target: '/tmp/pidcap' }]);
  });
  it('reads the Linux 3.2 copy (a regular file holding the target, no newline)', () => {
    expect(parseFile(fixturePath('linux-3.2/proc/self/cwd')).records).to.deep.equal([{ target: '/tmp' }]);
  });
  it('rejects text of more than one line', () => {
    expect(() => cwd.parse('/a\n/b\n', '/proc/1/cwd')).to.throw(ParseError, /\/proc\/1\/cwd:2: expected one link target/);
  });
});
