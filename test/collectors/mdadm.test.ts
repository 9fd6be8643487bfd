import { expect } from 'chai';
import * as path from 'path';
import { mdadm } from '../../collectors/mdadm';
import { MissingFileError } from '../../src/collector';
import { run, series, TREES } from './run';
import { fixturePath } from '../support/fixtures';

describe('mdadm collector', () => {
  it('reads recovery, pending resync, raid0, check and inactive arrays as procfs does', async () => {
    const s = series(await run(mdadm, path.join(TREES, 'mdadm', 'proc')));
    // md2: raid5 recovering, [4/3], bitmap line between the size and the progress lines.
    expect(s['node_md_state{device="md2",state="recovering"}']).to.equal(1);
    expect(s['node_md_state{device="md2",state="active"}']).to.equal(0);
    expect(s['node_md_disks_required{device="md2"}']).to.equal(4);
    expect(s['node_md_disks{device="md2",state="active"}']).to.equal(3);
    expect(s['node_md_blocks{device="md2"}']).to.equal(2929890816);
    expect(s['node_md_blocks_synced{device="md2"}']).to.equal(306780160);
    // md1: resync=PENDING: resyncing, nothing synced yet; a write-mostly member is neither failed nor spare.
    expect(s['node_md_state{device="md1",state="resync"}']).to.equal(1);
    expect(s['node_md_blocks_synced{device="md1"}']).to.equal(0);
    expect(s['node_md_disks{device="md1",state="failed"}']).to.equal(0);
    expect(s['node_md_disks{device="md1",state="spare"}']).to.equal(0);
    // md3: raid0 has no [n/m]: its members count as active and required.
    expect(s['node_md_disks{device="md3",state="active"}']).to.equal(2);
    expect(s['node_md_disks_required{device="md3"}']).to.equal(2);
    expect(s['node_md_blocks_synced{device="md3"}']).to.equal(1953260544);
    // md0: a check in progress.
    expect(s['node_md_state{device="md0",state="check"}']).to.equal(1);
    expect(s['node_md_blocks_synced{device="md0"}']).to.equal(43939264);
    // md127: inactive, two spares, no disks counted.
    expect(s['node_md_state{device="md127",state="inactive"}']).to.equal(1);
    expect(s['node_md_disks{device="md127",state="spare"}']).to.equal(2);
    expect(s['node_md_disks{device="md127",state="active"}']).to.equal(0);
    expect(s['node_md_disks_required{device="md127"}']).to.equal(0);
    expect(s['node_md_blocks_synced{device="md127"}']).to.equal(3906767024);
    // Five state series per array, exactly one of them 1.
    for (const md of ['md0', 'md1', 'md2', 'md3', 'md127']) {
      const states = Object.entries(s).filter(([k]) => k.startsWith(`node_md_state{device="${md}"`));
      expect(states, md).to.have.length(5);
      expect(
        states.reduce((n, [, v]) => n + v, 0),
        md,
      ).to.equal(1);
    }
  });

  it('fails as "file not present" without /proc/mdstat (no md driver), as node_exporter returns no data', async () => {
    let error: unknown;
    await run(mdadm, path.join(TREES, 'nfs', 'proc')).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(MissingFileError);
  });

  it('an array that disappears has no series in the next run', async () => {
    const before = series(await run(mdadm, path.join(TREES, 'mdadm', 'proc')));
    const after = series(await run(mdadm, fixturePath('linux-3.2/proc')));
    expect(Object.keys(before).some((k) => k.includes('device="md127"'))).to.equal(true);
    expect(Object.keys(after).some((k) => k.includes('device="md127"'))).to.equal(false);
  });
});
