import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFile } from '../../../src/parse';
import { root } from '../../../src/parsers/pid/root';
import { fixturePath } from '../../support/fixtures';

describe('pid/root', () => {
  it('reads the Linux 6.x symbolic link target', () => {
    const result = parseFile(fixturePath('proc/4242/root'));
    expect(result.handler).to.equal('pid/root');
    expect(result.records).to.deep.equal([{ target: '/' }]);
  });
  it('reads the Linux 3.2 copy (a regular file holding the target, no newline)', () => {
    expect(parseFile(fixturePath('linux-3.2/proc/self/root')).records).to.deep.equal([{ target: '/' }]);
  });
  it('rejects text of more than one line', () => {
    expect(() => root.parse('/a\n/b\n', '/proc/1/root')).to.throw(ParseError, /\/proc\/1\/root:2: expected one link target/);
  });
});
