import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSysvipcShm } from '../../../src/parsers/sysvipc/shm';
import { fixture } from '../../support/fixtures';

describe('sysvipc/shm', () => {
  it('parses Linux 6.x (one 64 KiB segment, 8 KiB resident)', () => {
    const records = parseSysvipcShm(fixture('proc/sysvipc/shm'));
    expect(records).to.deep.equal([
      {
        key: 305441741,
        shmid: 0,
        perms: '600',
        size: 65536,
        cpid: 9512,
        lpid: 9512,
        nattch: 1,
        uid: 0,
        gid: 0,
        cuid: 0,
        cgid: 0,
        atime: 1795685719,
        dtime: 0,
        ctime: 1795685719,
        rss: 8192,
        swap: 0,
      },
    ]);
  });

  it('parses Linux 3.2', () => {
    const records = parseSysvipcShm(fixture('linux-3.2/proc/sysvipc/shm'));
    expect(records).to.have.length(27);
    expect(records[0]).to.deep.equal({
      key: 0,
      shmid: 65536,
      perms: '1700',
      size: 184320,
      cpid: 3834,
      lpid: 3440,
      nattch: 2,
      uid: 500,
      gid: 500,
      cuid: 500,
      cgid: 500,
      atime: 1395779623,
      dtime: 0,
      ctime: 1395779623,
      rss: 184320,
      swap: 0,
    });
    expect(records[26]).to.deep.equal({
      key: 59918130,
      shmid: 42663974,
      perms: '600',
      size: 64528,
      cpid: 14739,
      lpid: 14739,
      nattch: 0,
      uid: 501,
      gid: 501,
      cuid: 501,
      cgid: 501,
      atime: 1396390628,
      dtime: 1396390845,
      ctime: 1396389124,
      rss: 24576,
      swap: 0,
    });
  });

  it('keeps a column a newer kernel adds under its header name', () => {
    const text =
      'key shmid perms size cpid lpid nattch uid gid cuid cgid atime dtime ctime rss swap future\n1 2 600 4096 3 4 0 0 0 0 0 5 6 7 4096 0 9\n';
    expect(parseSysvipcShm(text)[0]).to.include({ key: 1, perms: '600', swap: 0, future: 9 });
  });

  it('rejects a truncated row', () => {
    const header =
      '       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime                   rss                  swap\n';
    expect(() => parseSysvipcShm(`${header}         0      65536  1700                184320  3834\n`, '/proc/sysvipc/shm')).to.throw(
      ParseError,
      /\/proc\/sysvipc\/shm:2: expected 16 columns as the header names, found 5/,
    );
  });
});
