import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSysvipcMsg } from '../../../src/parsers/sysvipc/msg';
import { fixture } from '../../support/fixtures';

describe('sysvipc/msg', () => {
  it('parses Linux 6.x (one queue holding one message)', () => {
    const records = parseSysvipcMsg(fixture('proc/sysvipc/msg'));
    expect(records).to.deep.equal([
      {
        key: 305441743,
        msqid: 0,
        perms: '660',
        cbytes: 13,
        qnum: 1,
        lspid: 9512,
        lrpid: 0,
        uid: 0,
        gid: 0,
        cuid: 0,
        cgid: 0,
        stime: 1795685719,
        rtime: 0,
        ctime: 1795685719,
      },
    ]);
  });

  it('parses Linux 3.2', () => {
    const records = parseSysvipcMsg(fixture('linux-3.2/proc/sysvipc/msg'));
    expect(records).to.deep.equal([
      {
        key: 1959,
        msqid: 768,
        perms: '666',
        cbytes: 8273,
        qnum: 1,
        lspid: 231,
        lrpid: 8123,
        uid: 501,
        gid: 501,
        cuid: 0,
        cgid: 0,
        stime: 1395779623,
        rtime: 1396236812,
        ctime: 1395779912,
      },
    ]);
  });

  it('gives [] for a header without queues', () => {
    expect(
      parseSysvipcMsg(
        '       key      msqid perms      cbytes       qnum lspid lrpid   uid   gid  cuid  cgid      stime      rtime      ctime\n',
      ),
    ).to.deep.equal([]);
  });

  it('rejects a non-numeric count and a truncated row', () => {
    const header =
      '       key      msqid perms      cbytes       qnum lspid lrpid   uid   gid  cuid  cgid      stime      rtime      ctime\n';
    expect(() =>
      parseSysvipcMsg(
        `${header}      1959        768   666        8273          x   231  8123   501   501     0     0 1 2 3\n`,
        '/proc/sysvipc/msg',
      ),
    ).to.throw(ParseError, /\/proc\/sysvipc\/msg:2: qnum is not an integer \("x"\)/);
    expect(() => parseSysvipcMsg(`${header}      1959        768   666\n`)).to.throw(
      ParseError,
      /sysvipc\/msg:2: expected 14 columns as the header names, found 3/,
    );
  });
});
