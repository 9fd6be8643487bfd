import { expect } from 'chai';
import { conntrack } from '../../collectors/conntrack';
import { MissingFileError } from '../../src/collector';
import { fixture } from '../support/fixtures';
import { run, series } from './run';
import { tmpTree } from './tmp-tree';

describe('conntrack collector', () => {
  it("sums the statistics over the CPUs' rows (Linux 3.2 columns)", async () => {
    const t = tmpTree({
      'sys/net/netfilter/nf_conntrack_count': '17\n',
      'sys/net/netfilter/nf_conntrack_max': '65536\n',
      'net/stat/nf_conntrack': fixture('linux-3.2/proc/net/stat/nf_conntrack'),
    });
    try {
      const s = series(await run(conntrack, t.root));
      expect(s['node_nf_conntrack_entries']).to.equal(17);
      expect(s['node_nf_conntrack_entries_limit']).to.equal(65536);
      const rows = fixture('linux-3.2/proc/net/stat/nf_conntrack')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.trim().split(/\s+/));
      const column = (n: number): number => rows.reduce((sum, r) => sum + parseInt(r[n], 16), 0);
      expect(s['node_nf_conntrack_stat_found']).to.equal(column(2));
      expect(s['node_nf_conntrack_stat_insert_failed']).to.equal(column(9));
      expect(s['node_nf_conntrack_stat_search_restart']).to.equal(column(16));
    } finally {
      t.remove();
    }
  });

  it('fails as "file not present" when nf_conntrack is not loaded (no sys files), as node_exporter returns no data', async () => {
    const t = tmpTree({ 'net/stat/nf_conntrack': fixture('proc/net/stat/nf_conntrack') });
    try {
      let error: unknown;
      await run(conntrack, t.root).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(MissingFileError);
    } finally {
      t.remove();
    }
  });
});
