import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseSmapsRollup } from '../../../src/parsers/pid/smaps_rollup';
import { fixture } from '../../support/fixtures';

describe('pid/smaps_rollup', () => {
  it('parses Linux 6.x: one [rollup] record', () => {
    const records = parseSmapsRollup(fixture('proc/4242/smaps_rollup'));
    expect(records).to.have.length(1);
    expect(records[0]).to.deep.equal({
      start: '55f90bbfb000',
      end: '7fff8e8cc000',
      perms: '---p',
      offset: '00000000',
      dev: '00:00',
      inode: 0,
      pathname: '[rollup]',
      kB: {
        Rss: 14436,
        Pss: 12928,
        Pss_Dirty: 7400,
        Pss_Anon: 7400,
        Pss_File: 5528,
        Pss_Shmem: 0,
        Shared_Clean: 1720,
        Shared_Dirty: 0,
        Private_Clean: 5316,
        Private_Dirty: 7400,
        Referenced: 14436,
        Anonymous: 7400,
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
    });
  });
  it('rejects a second mapping', () => {
    const text = '00400000-00415000 ---p 00000000 00:00 0 [rollup]\nRss: 4 kB\n00500000-00515000 ---p 00000000 00:00 0 [rollup]\n';
    expect(() => parseSmapsRollup(text, '/proc/1/smaps_rollup')).to.throw(
      ParseError,
      /\/proc\/1\/smaps_rollup:3: expected one \[rollup\] record/,
    );
  });
});
