import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSmaps } from '../../../src/parsers/formats/smaps';
import { fixture } from '../../support/fixtures';

describe('pid/smaps', () => {
  it('parses Linux 6.x: kB fields, unit-less values, VmFlags', () => {
    const records = parseSmaps(fixture('proc/4242/smaps'));
    expect(records).to.have.length(129);
    expect(records[0]).to.deep.equal({
      start: '55f90bbfb000',
      end: '55f90bbfc000',
      perms: 'r--p',
      offset: '00000000',
      dev: 'fe:00',
      inode: 26723,
      pathname: '/root/.pyenv/versions/3.11.7/bin/python3.11',
      kB: {
        Size: 4,
        KernelPageSize: 4,
        MMUPageSize: 4,
        Rss: 4,
        Pss: 4,
        Pss_Dirty: 0,
        Shared_Clean: 0,
        Shared_Dirty: 0,
        Private_Clean: 4,
        Private_Dirty: 0,
        Referenced: 4,
        Anonymous: 0,
        KSM: 0,
        LazyFree: 0,
        AnonHugePages: 0,
        ShmemPmdMapped: 0,
        FilePmdMapped: 0,
        Shared_Hugetlb: 0,
        Private_Hugetlb: 0,
        Swap: 0,
        SwapPss: 0,
        Locked: 0,
      },
      values: { THPeligible: 0, ProtectionKey: 0 },
      VmFlags: ['rd', 'mr', 'mw', 'me'],
    });
    const heap = records.find((r) => r.pathname === '[heap]')!;
    expect(heap.kB).to.include({ Size: 1744, Rss: 1724, Private_Dirty: 1724, Anonymous: 1724 });
    expect(records[128]).to.include({ start: 'ffffffffff600000', perms: '--xp', pathname: '[vsyscall]' });
    expect(records[128].kB).to.include({ Size: 4, Rss: 0 });
    expect(records[128].VmFlags).to.deep.equal(['ex']);
  });
  it('parses Linux 3.2 (no VmFlags)', () => {
    const records = parseSmaps(fixture('linux-3.2/proc/self/smaps'));
    expect(records).to.have.length(1242);
    expect(records[0]).to.deep.equal({
      start: '00400000',
      end: '00415000',
      perms: 'r-xp',
      offset: '00000000',
      dev: '09:01',
      inode: 32768127,
      pathname: '/usr/lib/thunderbird/thunderbird',
      kB: {
        Size: 84,
        Rss: 68,
        Pss: 68,
        Shared_Clean: 0,
        Shared_Dirty: 0,
        Private_Clean: 68,
        Private_Dirty: 0,
        Referenced: 68,
        Anonymous: 0,
        AnonHugePages: 0,
        Swap: 0,
        KernelPageSize: 4,
        MMUPageSize: 4,
        Locked: 0,
      },
    });
    expect(records[1241]).to.include({ start: 'ffffffffff600000', end: 'ffffffffff601000', pathname: '[vsyscall]' });
    expect(records[1241].kB).to.include({ Size: 4, Rss: 0, Locked: 0 });
  });
  it('rejects a field before any mapping, and text in a kB value', () => {
    expect(() => parseSmaps('Size: 4 kB\n', '/proc/1/smaps')).to.throw(
      ParseError,
      /\/proc\/1\/smaps:1: field line before the first mapping line/,
    );
    expect(() => parseSmaps('00400000-00415000 r-xp 00000000 09:01 1 /bin/x\nSize:    x kB\n')).to.throw(
      ParseError,
      /pid\/smaps:2: Size is not an integer \("x"\)/,
    );
    expect(() => parseSmaps('00400000-00415000 r-xp 00000000 09:01 1 /bin/x\nSize:    4 kB extra\n')).to.throw(
      ParseError,
      /pid\/smaps:2: expected "Size: N kB"/,
    );
  });
});
