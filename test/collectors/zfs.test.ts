import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { zfs } from '../../collectors/zfs';
import { MissingFileError } from '../../src/collector';
import { fixturePath } from '../support/fixtures';
import { run, series } from './run';

describe('zfs collector', () => {
  it("exports node_exporter's fixture: every module kstat, pool io, datasets and states", async () => {
    const families = await run(zfs, fixturePath('node_exporter/proc'));
    const s = series(families);
    expect(s.node_zfs_arc_hits).to.equal(8772612);
    expect(s.node_zfs_arc_arc_sys_free).to.equal(261496832);
    expect(s.node_zfs_abd_struct_size).to.equal(2520);
    expect(s.node_zfs_dbuf_hash_hits).to.equal(108807);
    expect(s.node_zfs_dmu_tx_dmu_tx_assigned).to.equal(3532844);
    expect(s.node_zfs_dnode_dnode_hold_alloc_hits).to.equal(37617);
    expect(s.node_zfs_fm_erpt_dropped).to.equal(18);
    expect(s.node_zfs_vdev_cache_delegations).to.equal(40);
    expect(s.node_zfs_vdev_mirror_preferred_not_found).to.equal(94);
    expect(s.node_zfs_xuio_onloan_read_buf).to.equal(32);
    expect(s.node_zfs_zfetch_hits).to.equal(7067992);
    expect(s.node_zfs_zil_zil_itx_needcopy_bytes).to.equal(18446744073709537686);
    const fm = families.find((f) => f.name === 'node_zfs_fm_erpt_dropped')!;
    expect([fm.help, fm.type]).to.deep.equal(['kstat.zfs.misc.fm.erpt-dropped', 'untyped']);
    // 91 + 21 + 63 + 11 + 28 + 4 + 3 + 7 + 6 + 11 + 13 module statistics.
    expect(families.filter((f) => !f.name.startsWith('node_zfs_zpool')).length).to.equal(258);
    expect(s['node_zfs_zpool_nread{zpool="pool1"}']).to.equal(1884160);
    expect(s['node_zfs_zpool_nwritten{zpool="poolz1"}']).to.equal(2680501248);
    expect(families.find((f) => f.name === 'node_zfs_zpool_rupdate')!.help).to.equal('kstat.zfs.misc.io.rupdate');
    expect(s['node_zfs_zpool_dataset_nwritten{dataset="pool1/dataset1",zpool="pool1"}']).to.equal(12302);
    expect(s['node_zfs_zpool_dataset_nunlinks{dataset="poolz1/dataset1",zpool="poolz1"}']).to.equal(14);
    expect(s['node_zfs_zpool_dataset_reads{dataset="pool3/dataset with  space",zpool="pool3"}']).to.equal(2);
    expect(families.find((f) => f.name === 'node_zfs_zpool_dataset_reads')!.samples).to.have.length(6);
    const states = families.find((f) => f.name === 'node_zfs_zpool_state')!;
    expect([states.help, states.type, states.samples.length]).to.deep.equal(['kstat.zfs.misc.state', 'gauge', 14]);
    expect(s['node_zfs_zpool_state{state="suspended",zpool="pool2"}']).to.equal(1);
    expect(s['node_zfs_zpool_state{state="online",zpool="pool2"}']).to.equal(0);
    expect(s['node_zfs_zpool_state{state="degraded",zpool="poolz1"}']).to.equal(1);
  });

  it('skips the kstat files this ZFS lacks and exports int64 values signed', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zfs-'));
    try {
      fs.mkdirSync(path.join(root, 'spl/kstat/zfs'), { recursive: true });
      const arc = [
        '6 1 0x01 3 144 1 2',
        'name                            type data',
        'hits                            4    5',
        'arc_loaned_bytes                3    -4096',
        'evict_l2_ok                     7    yes',
        '',
      ].join('\n');
      fs.writeFileSync(path.join(root, 'spl/kstat/zfs/arcstats'), arc);
      const s = series(await run(zfs, root));
      expect(s).to.deep.equal({ node_zfs_arc_hits: 5, node_zfs_arc_arc_loaned_bytes: -4096 });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('fails as "not on this kernel" without /proc/spl/kstat/zfs', async () => {
    let failure: unknown;
    await run(zfs, fixturePath('proc')).catch((e: unknown) => (failure = e));
    expect(failure).to.be.instanceOf(MissingFileError);
  });
});
