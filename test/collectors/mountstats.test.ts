import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mountstats } from '../../collectors/mountstats';
import { MissingFileError } from '../../src/collector';
import { run, series, TREES } from './run';

const TREE = path.join(TREES, 'mountstats', 'proc');
const LABELS = 'export="nfs.example.com:/export/home",protocol="tcp",mountaddr="192.168.1.5"';

/** A copy of the tree where `self` is a link to a numeric process directory, as in the live /proc. */
function linkedTree(target: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mountstats-'));
  fs.mkdirSync(path.join(root, '4242'));
  for (const f of ['mountstats', 'mountinfo']) fs.copyFileSync(path.join(TREE, 'self', f), path.join(root, '4242', f));
  fs.symlinkSync(target, path.join(root, 'self'));
  return root;
}

describe('mountstats collector', () => {
  it('exports the NFS mount only, with the mount address from mountinfo at the same position', async () => {
    const s = series(await run(mountstats, TREE));
    expect(s[`node_mountstats_nfs_mountpoint_info{${LABELS},mountpoint="/home"}`]).to.equal(1);
    expect(s[`node_mountstats_nfs_age_seconds_total{${LABELS}}`]).to.equal(86400);
    expect(s[`node_mountstats_nfs_read_bytes_total{${LABELS}}`]).to.equal(104857600);
    expect(s[`node_mountstats_nfs_total_write_bytes_total{${LABELS}}`]).to.equal(52690944);
    expect(s[`node_mountstats_nfs_event_inode_revalidate_total{${LABELS}}`]).to.equal(5321);
    expect(s[`node_mountstats_nfs_transport_sends_total{${LABELS},transport="0"}`]).to.equal(40123);
    expect(s[`node_mountstats_nfs_transport_idle_time_seconds{${LABELS},transport="0"}`]).to.equal(11);
    expect(s[`node_mountstats_nfs_transport_maximum_rpc_slots{${LABELS},transport="0"}`]).to.equal(17);
    expect(s[`node_mountstats_nfs_operations_requests_total{${LABELS},operation="READ"}`]).to.equal(812);
    expect(s[`node_mountstats_nfs_operations_queue_time_seconds_total{${LABELS},operation="WRITE"}`]).to.equal(2.1);
    expect(s[`node_mountstats_nfs_operations_request_time_seconds_total{${LABELS},operation="WRITE"}`]).to.equal(32.4);
    expect(s[`node_mountstats_nfs_operations_errors_total{${LABELS},operation="LOOKUP"}`]).to.equal(412);
    // pNFS events are not printed by this kernel: 0, as procfs.
    expect(s[`node_mountstats_nfs_event_pnfs_read_total{${LABELS}}`]).to.equal(0);
    expect(Object.keys(s).every((k) => k.includes('export="nfs.example.com:/export/home"'))).to.equal(true);
  });

  it('reads /proc/self as a directory or as a link to the process directory, with the same result', async () => {
    const direct = series(await run(mountstats, TREE));
    for (const target of ['4242', '/proc/4242']) {
      const root = linkedTree(target);
      try {
        expect(series(await run(mountstats, root)), target).to.deep.equal(direct);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    }
  });

  it('fails as "file not present" without /proc/self (or with a dangling link)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mountstats-'));
    try {
      let error: unknown;
      await run(mountstats, root).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(MissingFileError);
      fs.symlinkSync('999999', path.join(root, 'self'));
      error = undefined;
      await run(mountstats, root).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(MissingFileError);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
