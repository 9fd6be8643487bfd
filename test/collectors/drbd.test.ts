import { expect } from 'chai';
import { drbd } from '../../collectors/drbd';
import { MissingFileError } from '../../src/collector';
import { fixturePath } from '../support/fixtures';
import { run, series } from './run';

describe('drbd collector', () => {
  it("exports node_exporter's fixture: KiB counters in bytes, nr as read, roles, disk states, connection", async () => {
    const s = series(await run(drbd, fixturePath('node_exporter/proc')));
    expect(s['node_drbd_network_sent_bytes_total{device="drbd1"}']).to.equal(17324442 * 1024);
    expect(s['node_drbd_network_received_bytes_total{device="drbd1"}']).to.equal(10961011);
    expect(s['node_drbd_disk_written_bytes_total{device="drbd1"}']).to.equal(28263521 * 1024);
    expect(s['node_drbd_disk_read_bytes_total{device="drbd1"}']).to.equal(118696670 * 1024);
    expect(s['node_drbd_activitylog_writes_total{device="drbd1"}']).to.equal(1100);
    expect(s['node_drbd_bitmap_writes_total{device="drbd1"}']).to.equal(221);
    expect(s['node_drbd_local_pending{device="drbd1"}']).to.equal(12345);
    expect(s['node_drbd_remote_pending{device="drbd1"}']).to.equal(12346);
    expect(s['node_drbd_remote_unacknowledged{device="drbd1"}']).to.equal(12347);
    expect(s['node_drbd_application_pending{device="drbd1"}']).to.equal(12348);
    expect(s['node_drbd_epochs{device="drbd1"}']).to.equal(1);
    expect(s['node_drbd_out_of_sync_bytes{device="drbd1"}']).to.equal(12349 * 1024);
    expect(s['node_drbd_node_role_is_primary{device="drbd1",node="remote"}']).to.equal(1);
    expect(s['node_drbd_disk_state_is_up_to_date{device="drbd1",node="local"}']).to.equal(1);
    expect(s['node_drbd_connected{device="drbd1"}']).to.equal(1);
    expect(Object.keys(s)).to.have.length(17);
  });

  it('gives an unconfigured minor only node_drbd_connected 0, and reads a secondary, inconsistent, standalone device', async () => {
    const s = series(await run(drbd, fixturePath('synthetic/proc')));
    expect(Object.keys(s).filter((k) => k.includes('drbd3'))).to.deep.equal(['node_drbd_connected{device="drbd3"}']);
    expect(s['node_drbd_connected{device="drbd3"}']).to.equal(0);
    expect(s['node_drbd_connected{device="drbd0"}']).to.equal(0);
    expect(s['node_drbd_node_role_is_primary{device="drbd0",node="local"}']).to.equal(1);
    expect(s['node_drbd_node_role_is_primary{device="drbd0",node="remote"}']).to.equal(0);
    expect(s['node_drbd_disk_state_is_up_to_date{device="drbd0",node="remote"}']).to.equal(0);
    expect(s['node_drbd_out_of_sync_bytes{device="drbd0"}']).to.equal(3145728 * 1024);
    expect(s['node_drbd_node_role_is_primary{device="drbd1",node="local"}']).to.equal(0);
  });

  it('fails as "not on this kernel" without /proc/drbd', async () => {
    let failure: unknown;
    await run(drbd, fixturePath('proc')).catch((e: unknown) => (failure = e));
    expect(failure).to.be.instanceOf(MissingFileError);
  });
});
