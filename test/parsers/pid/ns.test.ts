import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseFile } from '../../../src/parse';
import { parseNs } from '../../../src/parsers/pid/ns';
import { fixturePath } from '../../support/fixtures';

describe('pid/ns', () => {
  it('reads Linux 6.x namespace links: type and inode, named by the link', () => {
    expect(parseFile(fixturePath('proc/4242/ns/cgroup')).records).to.deep.equal([{ type: 'cgroup', inode: 4026531835, name: 'cgroup' }]);
    expect(parseFile(fixturePath('proc/4242/ns/net')).records).to.deep.equal([{ type: 'net', inode: 4026531833, name: 'net' }]);
    expect(parseFile(fixturePath('proc/4242/ns/pid_for_children')).records).to.deep.equal([
      { type: 'pid', inode: 4026531836, name: 'pid_for_children' },
    ]);
    expect(parseFile(fixturePath('proc/4242/ns/uts')).records).to.deep.equal([{ type: 'uts', inode: 4026531838, name: 'uts' }]);
  });
  it('parses a target given as text', () => {
    expect(parseNs('mnt:[4026531840]')).to.deep.equal([{ type: 'mnt', inode: 4026531840 }]);
  });
  it('rejects a target that is not "type:[inode]"', () => {
    expect(() => parseNs('/dev/null', '/proc/1/ns/net')).to.throw(ParseError, /\/proc\/1\/ns\/net:1: expected "type:\[inode\]"/);
    expect(() => parseNs('net:[x]')).to.throw(ParseError, /pid\/ns:1: inode is not an integer/);
  });
});
