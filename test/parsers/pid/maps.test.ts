import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseMaps } from '../../../src/parsers/pid/maps';
import { fixture } from '../../support/fixtures';

describe('pid/maps', () => {
  it('parses Linux 6.x', () => {
    const records = parseMaps(fixture('proc/4242/maps'));
    expect(records).to.have.length(129);
    expect(records[0]).to.deep.equal({
      start: '55f90bbfb000',
      end: '55f90bbfc000',
      perms: 'r--p',
      offset: '00000000',
      dev: 'fe:00',
      inode: 26723,
      pathname: '/root/.pyenv/versions/3.11.7/bin/python3.11',
    });
    // line 27: an anonymous mapping has no pathname
    expect(records[26]).to.deep.equal({
      start: '7f128fd91000',
      end: '7f128fec4000',
      perms: 'rw-p',
      offset: '00000000',
      dev: '00:00',
      inode: 0,
    });
    expect(records[128]).to.deep.equal({
      start: 'ffffffffff600000',
      end: 'ffffffffff601000',
      perms: '--xp',
      offset: '00000000',
      dev: '00:00',
      inode: 0,
      pathname: '[vsyscall]',
    });
  });
  it('parses Linux 3.2 (anonymous lines end with a space)', () => {
    const records = parseMaps(fixture('linux-3.2/proc/self/maps'));
    expect(records).to.have.length(18);
    expect(records[0]).to.deep.equal({
      start: '00400000',
      end: '0040b000',
      perms: 'r-xp',
      offset: '00000000',
      dev: '09:01',
      inode: 149422164,
      pathname: '/bin/cat',
    });
    expect(records[3]).to.include({ start: '00b26000', pathname: '[heap]' });
    expect(records[9]).to.not.have.property('pathname');
    expect(records[17]).to.deep.equal({
      start: 'ffffffffff600000',
      end: 'ffffffffff601000',
      perms: 'r-xp',
      offset: '00000000',
      dev: '00:00',
      inode: 0,
      pathname: '[vsyscall]',
    });
  });
  it('keeps spaces inside a pathname', () => {
    expect(parseMaps('7f00-7f10 r--p 00000000 08:01 12    /tmp/my file (deleted)\n')[0].pathname).to.equal('/tmp/my file (deleted)');
  });
  it('rejects a bad address range and a truncated line', () => {
    expect(() => parseMaps('00400000-0040b000 r-xp 00000000 09:01 1 /bin/cat\nzz-10 r-xp 0 09:01 1\n', '/proc/1/maps')).to.throw(
      ParseError,
      /\/proc\/1\/maps:2: address range is not "hex-hex" \("zz-10"\)/,
    );
    expect(() => parseMaps('00400000-0040b000 r-xp 00000000\n')).to.throw(
      ParseError,
      /pid\/maps:1: expected "start-end perms offset dev inode \[pathname\]", found 3 fields/,
    );
  });
});
