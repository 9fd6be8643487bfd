import { expect } from 'chai';
import { lnstat } from '../../collectors/lnstat';
import { run, series } from './run';
import { tmpTree } from './tmp-tree';

describe('lnstat collector', () => {
  it('reads every file of net/stat, known to the registry or not, one counter per column and CPU row', async () => {
    const t = tmpTree({
      'net/stat/arp_cache': 'entries  allocs destroys\n00000003  0000000a 00000001\n00000003  00000002 00000000\n',
      'net/stat/clip_arp_cache': 'entries  allocs\n00000001  000000ff\n',
    });
    try {
      expect(series(await run(lnstat, t.root))).to.deep.equal({
        'node_lnstat_allocs_total{subsystem="arp_cache",cpu="0"}': 10,
        'node_lnstat_allocs_total{subsystem="arp_cache",cpu="1"}': 2,
        'node_lnstat_allocs_total{subsystem="clip_arp_cache",cpu="0"}': 255,
        'node_lnstat_destroys_total{subsystem="arp_cache",cpu="0"}': 1,
        'node_lnstat_destroys_total{subsystem="arp_cache",cpu="1"}': 0,
        'node_lnstat_entries_total{subsystem="arp_cache",cpu="0"}': 3,
        'node_lnstat_entries_total{subsystem="arp_cache",cpu="1"}': 3,
        'node_lnstat_entries_total{subsystem="clip_arp_cache",cpu="0"}': 1,
      });
    } finally {
      t.remove();
    }
  });

  it("gives no series (and no failure) without /proc/net/stat, as procfs's glob", async () => {
    const t = tmpTree({ 'net/arp': '' });
    try {
      expect(series(await run(lnstat, t.root))).to.deep.equal({});
    } finally {
      t.remove();
    }
  });
});
