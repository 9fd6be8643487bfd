import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSysvipcSem } from '../../../src/parsers/sysvipc/sem';
import { fixture } from '../../support/fixtures';

describe('sysvipc/sem', () => {
  it('parses Linux 6.x (one set of three semaphores)', () => {
    const records = parseSysvipcSem(fixture('proc/sysvipc/sem'));
    expect(records).to.deep.equal([
      {
        key: 305441742,
        semid: 0,
        perms: '640',
        nsems: 3,
        uid: 0,
        gid: 0,
        cuid: 0,
        cgid: 0,
        otime: 0,
        ctime: 1795685719,
      },
    ]);
  });

  it('parses Linux 3.2', () => {
    const records = parseSysvipcSem(fixture('linux-3.2/proc/sysvipc/sem'));
    expect(records).to.have.length(3);
    expect(records[0]).to.deep.equal({
      key: 3121959,
      semid: 32768,
      perms: '666',
      nsems: 2,
      uid: 0,
      gid: 0,
      cuid: 0,
      cgid: 0,
      otime: 1396450035,
      ctime: 1395779560,
    });
    expect(records[2]).to.deep.equal({
      key: 59918130,
      semid: 98306,
      perms: '600',
      nsems: 1,
      uid: 501,
      gid: 501,
      cuid: 501,
      cgid: 501,
      otime: 1396390845,
      ctime: 1395797851,
    });
  });

  it('rejects a header without the semid column, and text where a number must be', () => {
    expect(() => parseSysvipcSem('       key      id perms\n', '/tmp/sem')).to.throw(
      ParseError,
      /\/tmp\/sem:1: header lacks the semid column/,
    );
    const header = '       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime\n';
    expect(() => parseSysvipcSem(`${header}   3121959      32768   666          2     0     0     0     0 1396450035 -\n`)).to.throw(
      ParseError,
      /sysvipc\/sem:2: ctime is not an integer \("-"\)/,
    );
  });
});
