import { expect } from 'chai';
import { netclass } from '../../collectors/netclass';
import { collect, filesystems, MissingFileError } from '../../src/collector';
import { ProcFs } from '../../src/procfs';
import { CountingProcFs } from '../support/counting-procfs';
import { fixturePath } from '../support/fixtures';
import { SYSFS, TREE_6_18 } from '../exporter/helpers';
import { options, run, series } from './run';

const onSysfs = (sysfs: string, overrides = {}) => run(netclass, TREE_6_18, options(netclass, overrides), { sysfs }).then(series);

/** A /sys whose reads of some files fail with an error code, as the kernel's do. */
class FailingSysfs extends ProcFs {
  constructor(
    root: string,
    private readonly failures: Record<string, string>,
  ) {
    super(root);
  }

  override readAttributeAsync(relative: string): Promise<string> {
    const code = this.failures[relative];
    if (code === undefined) return super.readAttributeAsync(relative);
    return Promise.reject(Object.assign(new Error(`${code}: read ${relative}`), { code }));
  }
}

const withSysfs = (sysfs: ProcFs) =>
  collect(netclass, filesystems(new ProcFs(TREE_6_18), sysfs), options(netclass), { pageSize: 4096 }).then(series);

describe('netclass collector', () => {
  it('exports the captured devices: up, info with adminstate, properties, speed -1 as -125000', async () => {
    const s = await onSysfs(SYSFS);
    expect(s['node_network_up{device="eth0"}']).to.equal(1);
    expect(s['node_network_up{device="lo"}'], 'operstate unknown').to.equal(0);
    expect(
      s[
        'node_network_info{device="eth0",address="02:fc:00:00:00:01",broadcast="ff:ff:ff:ff:ff:ff",duplex="unknown",operstate="up",adminstate="up",ifalias=""}'
      ],
    ).to.equal(1);
    expect(
      s[
        'node_network_info{device="ifb0",address="f6:f6:33:70:7b:20",broadcast="ff:ff:ff:ff:ff:ff",duplex="",operstate="down",adminstate="down",ifalias=""}'
      ],
    ).to.equal(1);
    expect(s['node_network_mtu_bytes{device="eth0"}']).to.equal(1400);
    expect(s['node_network_flags{device="eth0"}']).to.equal(0x1003);
    expect(s['node_network_protocol_type{device="lo"}']).to.equal(772);
    expect(s['node_network_carrier_changes_total{device="eth0"}']).to.equal(2);
    expect(s['node_network_speed_bytes{device="eth0"}']).to.equal(-125000);
    expect(s['node_network_name_assign_type{device="eth0"}']).to.equal(1);
    // A down device's carrier, speed, dormant and name_assign_type could not be read: no series.
    for (const name of ['carrier', 'speed_bytes', 'dormant', 'name_assign_type'])
      expect(s[`node_network_${name}{device="ifb0"}`], name).to.equal(undefined);
    // eth0 19 series, lo 18 (no speed), ifb0 and ifb1 15 each.
    expect(Object.keys(s)).to.have.length(67);
  });

  it('exports the synthetic bridge, switch port, veth, dormant and administratively down devices', async () => {
    const s = await onSysfs(fixturePath('synthetic/sys'));
    expect(s['node_network_speed_bytes{device="br0"}']).to.equal(125_000_000);
    expect(s['node_network_speed_bytes{device="veth9a1b2c3"}']).to.equal(1_250_000_000);
    expect(s['node_network_iface_link{device="veth9a1b2c3"}']).to.equal(8);
    expect(
      s[
        'node_network_info{device="enp1s0",address="52:54:00:ab:cd:ef",broadcast="ff:ff:ff:ff:ff:ff",duplex="full",operstate="up",adminstate="up",ifalias="uplink to switch 3, port 12"}'
      ],
    ).to.equal(1);
    expect(
      s[
        'node_network_info{device="eth1",address="52:54:00:00:00:02",broadcast="ff:ff:ff:ff:ff:ff",duplex="",operstate="down",adminstate="down",ifalias=""}'
      ],
    ).to.equal(1);
    expect(s['node_network_up{device="wlan0"}']).to.equal(0);
    expect(s['node_network_dormant{device="wlan0"}']).to.equal(1);
    expect(s['node_network_iface_link_mode{device="wlan0"}']).to.equal(1);
    expect(s['node_network_address_assign_type{device="br0"}']).to.equal(3);
    expect(s['node_network_transmit_queue_length{device="br0"}']).to.equal(0);
  });

  it('leaves out invalid speeds with --collector.netclass.ignore-invalid-speed, and ignored devices entirely', async () => {
    expect((await onSysfs(SYSFS, { ignoreInvalidSpeed: true }))['node_network_speed_bytes{device="eth0"}']).to.equal(undefined);
    const kept = Object.keys(await onSysfs(SYSFS, { ignoredDevices: '^(ifb|lo)' }));
    expect(kept.every((k) => k.includes('device="eth0"'))).to.equal(true);
    expect(kept).to.include('node_network_up{device="eth0"}');
  });

  it('treats EINVAL, EOPNOTSUPP and EACCES reads as no value, and fails the run on any other read error', async () => {
    const s = await withSysfs(
      new FailingSysfs(SYSFS, {
        'class/net/eth0/speed': 'EINVAL',
        'class/net/eth0/duplex': 'EOPNOTSUPP',
        'class/net/eth0/carrier': 'EACCES',
      }),
    );
    expect(s['node_network_speed_bytes{device="eth0"}']).to.equal(undefined);
    expect(s['node_network_carrier{device="eth0"}']).to.equal(undefined);
    expect(
      s[
        'node_network_info{device="eth0",address="02:fc:00:00:00:01",broadcast="ff:ff:ff:ff:ff:ff",duplex="",operstate="up",adminstate="up",ifalias=""}'
      ],
    ).to.equal(1);
    expect(s['node_network_mtu_bytes{device="eth0"}']).to.equal(1400);
    await withSysfs(new FailingSysfs(SYSFS, { 'class/net/lo/mtu': 'EIO' })).then(
      () => expect.fail('EIO must fail the run'),
      (e: Error) => expect(e.message).to.equal('EIO: read class/net/lo/mtu'),
    );
  });

  it("reads the kernel's sysfs synchronously and a copy through the thread pool (live /sys: shape only)", async () => {
    const live = new CountingProcFs('/sys');
    const copy = new CountingProcFs(SYSFS);
    expect([live.isKernelFilesystem(), copy.isKernelFilesystem()]).to.deep.equal([true, false]);
    const liveSeries = await withSysfs(live);
    expect(Object.keys(liveSeries).some((key) => key.startsWith('node_network_up{device="lo"}'))).to.equal(true);
    await withSysfs(copy);
    expect(live.sync).to.be.above(0);
    expect(live.async).to.equal(0);
    expect(copy.sync).to.equal(0);
    expect(copy.async).to.be.above(0);
  });

  it('fails as "not present" without class/net', async () => {
    let error: unknown;
    await onSysfs(fixturePath('rootfs')).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(MissingFileError);
    expect((error as Error).message).to.equal(`${fixturePath('rootfs')}/class/net: no such file (not on this kernel?)`);
  });
});
