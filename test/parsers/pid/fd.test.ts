import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFile } from '../../../src/parse';
import { parseFd } from '../../../src/parsers/pid/fd';
import { fixturePath } from '../../support/fixtures';

describe('pid/fd', () => {
  it('reads Linux 6.x link targets: number from the file name, kind and inode', () => {
    expect(parseFile(fixturePath('proc/4242/fd/0')).records).to.deep.equal([{ fd: 0, target: '/dev/null', kind: 'path' }]);
    expect(parseFile(fixturePath('proc/4242/fd/3')).records).to.deep.equal([{ fd: 3, target: 'pipe:[10546]', kind: 'pipe', inode: 10546 }]);
    expect(parseFile(fixturePath('proc/4242/fd/5')).records).to.deep.equal([
      { fd: 5, target: 'socket:[10547]', kind: 'socket', inode: 10547 },
    ]);
    expect(parseFile(fixturePath('proc/4242/fd/6')).records).to.deep.equal([
      { fd: 6, target: 'anon_inode:[eventfd]', kind: 'anon_inode', anon_type: 'eventfd' },
    ]);
    expect(parseFile(fixturePath('proc/4242/fd/8')).records).to.deep.equal([
      { fd: 8, target: 'anon_inode:inotify', kind: 'anon_inode', anon_type: 'inotify' },
    ]);
    expect(parseFile(fixturePath('proc/4242/fd/11')).records).to.deep.equal([{ fd: 11, target: '/etc/hostname', kind: 'path' }]);
  });
  it('reads the Linux 3.2 copy (a regular file holding the target)', () => {
    const result = parseFile(fixturePath('linux-3.2/proc/self/fd/0'));
    expect(result.handler).to.equal('pid/fd');
    expect(result.records).to.deep.equal([{ fd: 0, target: '/dev/tty', kind: 'path' }]);
  });
  it('marks deleted files and leaves fd absent without a path', () => {
    expect(parseFd('/memfd:x (deleted)', '/proc/1/fd/12')).to.deep.equal([
      { fd: 12, target: '/memfd:x (deleted)', kind: 'path', deleted: true },
    ]);
    expect(parseFd('net:[4026531833]')).to.deep.equal([{ target: 'net:[4026531833]', kind: 'net', inode: 4026531833 }]);
  });
  it('rejects a bracketed inode that is not a number and a two-line target', () => {
    expect(() => parseFd('socket:[abc]', '/proc/1/fd/3')).to.throw(ParseError, /\/proc\/1\/fd\/3:1: inode is not an integer \("abc"\)/);
    expect(() => parseFd('/a\n/b\n')).to.throw(ParseError, /pid\/fd:2: expected one link target/);
  });
});
