/**
 * The filesystem collector on a mount table written for the test, with statfs answered by a worker
 * whose answers are fixed per path (values checked by hand), or that blocks its thread on some
 * paths until the test opens a gate — a dead NFS server, as the collector meets it.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import pino from 'pino';
import { filesystemCollector, hostMountPoint, TIMEOUT_ERROR } from '../../collectors/filesystem';
import { MissingFileError } from '../../src/collector';
import { startExporter } from '../../src/exporter/cli';
import { ProcFs } from '../../src/procfs';
import { StatfsPool } from '../../src/system/statfs';
import { fixturePath } from '../support/fixtures';
import { get, loadConfig } from '../exporter/helpers';
import { options, run, series } from './run';
import { tmpTree } from './tmp-tree';

/** Answers from a table (path → counts); a path not in it is ENOENT; paths under /stuck/ (and /mnt/nfs) wait for gate[0]. */
const TABLE_WORKER = `
const { parentPort, workerData } = require('worker_threads');
const { table, gate } = workerData;
parentPort.on('message', (path) => {
  Atomics.add(gate, 1, 1);
  if (path.startsWith('/stuck/') || path === '/mnt/nfs') Atomics.wait(gate, 0, 0);
  const counts = table[path];
  parentPort.postMessage(counts ? { counts } : { error: { code: 'ENOENT', message: 'no such file or directory' } });
});`;

const COUNTS = {
  '/': { bsize: 4096, blocks: 66053021, bfree: 59667525, bavail: 56298589, files: 16777216, ffree: 16201892 },
  '/data': { bsize: 1024, blocks: 1000, bfree: 600, bavail: 500, files: 64, ffree: 60 },
  '/ro-super': { bsize: 4096, blocks: 10, bfree: 0, bavail: 0, files: 5, ffree: 0 },
  '/mnt/nfs': { bsize: 1048576, blocks: 2000, bfree: 1000, bavail: 1000, files: 100, ffree: 90 },
};

const MOUNTINFO = [
  '22 27 0:21 / /proc rw,relatime - proc proc rw',
  '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard',
  '30 27 254:16 / /data rw,noatime - xfs /dev/vdb rw,attr2',
  '31 27 254:16 / /data rw,noatime - xfs /dev/vdb rw,attr2',
  '32 27 0:40 / /mnt/nfs rw,relatime - nfs4 server:/export rw,vers=4.2,addr=10.0.0.2',
  '33 27 7:0 / /snap/core/1 ro,nodev,relatime - squashfs /dev/loop0 ro',
  '34 27 254:32 / /ro-super rw,relatime - ext4 /dev/vdc ro',
  '35 27 0:41 / /run/credentials/x.service ro - tmpfs tmpfs ro,mode=700',
  '36 27 0:42 / /var/lib/docker/overlay2/abc/merged rw - overlay overlay rw',
  '37 27 0:43 / /gone rw - tmpfs tmpfs rw',
].join('\n');

describe('filesystem collector', function () {
  this.timeout(30_000);
  let gate: Int32Array;
  let pool: StatfsPool;
  let proc: ReturnType<typeof tmpTree>;

  beforeEach(() => {
    gate = new Int32Array(new SharedArrayBuffer(8));
    pool = new StatfsPool({ workerSource: TABLE_WORKER, workerData: { table: COUNTS, gate } });
    proc = tmpTree({ '1/mountinfo': `${MOUNTINFO}\n` });
  });

  afterEach(async () => {
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await pool.close();
    proc.remove();
  });

  const release = (): void => {
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
  };
  const calls = (): number => Atomics.load(gate, 1);

  it('reports each kept mount once: bytes from blocks × bsize, readonly from mount or superblock options, mount_info', async () => {
    release();
    const definition = filesystemCollector(pool);
    const s = series(await run(definition, proc.root, options(definition), { rootfs: '/' }));
    const labels = (device: string, mountpoint: string, fstype: string, error = '') =>
      `{device="${device}",mountpoint="${mountpoint}",fstype="${fstype}",device_error="${error}"}`;
    const root = labels('/dev/vda', '/', 'ext4');
    const data = labels('/dev/vdb', '/data', 'xfs');
    const roSuper = labels('/dev/vdc', '/ro-super', 'ext4');
    const gone = labels('tmpfs', '/gone', 'tmpfs', 'no such file or directory');
    expect(s).to.deep.equal({
      [`node_filesystem_avail_bytes${root}`]: 56298589 * 4096,
      [`node_filesystem_avail_bytes${data}`]: 512000,
      [`node_filesystem_avail_bytes${roSuper}`]: 0,
      [`node_filesystem_avail_bytes${labels('server:/export', '/mnt/nfs', 'nfs4')}`]: 1000 * 1048576,
      [`node_filesystem_device_error${root}`]: 0,
      [`node_filesystem_device_error${data}`]: 0,
      [`node_filesystem_device_error${gone}`]: 1,
      [`node_filesystem_device_error${labels('server:/export', '/mnt/nfs', 'nfs4')}`]: 0,
      [`node_filesystem_device_error${roSuper}`]: 0,
      [`node_filesystem_files${root}`]: 16777216,
      [`node_filesystem_files${data}`]: 64,
      [`node_filesystem_files${labels('server:/export', '/mnt/nfs', 'nfs4')}`]: 100,
      [`node_filesystem_files${roSuper}`]: 5,
      [`node_filesystem_files_free${root}`]: 16201892,
      [`node_filesystem_files_free${data}`]: 60,
      [`node_filesystem_files_free${labels('server:/export', '/mnt/nfs', 'nfs4')}`]: 90,
      [`node_filesystem_files_free${roSuper}`]: 0,
      [`node_filesystem_free_bytes${root}`]: 59667525 * 4096,
      [`node_filesystem_free_bytes${data}`]: 614400,
      [`node_filesystem_free_bytes${labels('server:/export', '/mnt/nfs', 'nfs4')}`]: 1000 * 1048576,
      [`node_filesystem_free_bytes${roSuper}`]: 0,
      'node_filesystem_mount_info{device="/dev/vda",major="254",minor="0",mountpoint="/"}': 1,
      'node_filesystem_mount_info{device="/dev/vdb",major="254",minor="16",mountpoint="/data"}': 1,
      'node_filesystem_mount_info{device="/dev/vdc",major="254",minor="32",mountpoint="/ro-super"}': 1,
      'node_filesystem_mount_info{device="server:/export",major="0",minor="40",mountpoint="/mnt/nfs"}': 1,
      [`node_filesystem_readonly${root}`]: 0,
      [`node_filesystem_readonly${data}`]: 0,
      [`node_filesystem_readonly${gone}`]: 0,
      [`node_filesystem_readonly${labels('server:/export', '/mnt/nfs', 'nfs4')}`]: 0,
      [`node_filesystem_readonly${roSuper}`]: 1,
      [`node_filesystem_size_bytes${root}`]: 66053021 * 4096,
      [`node_filesystem_size_bytes${data}`]: 1024000,
      [`node_filesystem_size_bytes${labels('server:/export', '/mnt/nfs', 'nfs4')}`]: 2000 * 1048576,
      [`node_filesystem_size_bytes${roSuper}`]: 40960,
    });
    // /proc, /run/credentials/…, /var/lib/docker/… and squashfs are excluded before any call; /data is called once.
    expect(calls()).to.equal(5);
  });

  it('keeps only what an include regexp names, and reads self/mountinfo when pid 1 is hidden', async () => {
    release();
    const definition = filesystemCollector(pool);
    const hidden = tmpTree({ 'self/mountinfo': `${MOUNTINFO}\n` });
    try {
      const opts = options(definition, {
        mountPointsInclude: '^/(data|snap)',
        mountPointsExclude: '',
        fsTypesInclude: '^xfs$',
        fsTypesExclude: '',
      });
      const s = series(await run(definition, hidden.root, opts, { rootfs: '/' }));
      expect(Object.keys(s).filter((k) => k.startsWith('node_filesystem_size_bytes'))).to.deep.equal([
        'node_filesystem_size_bytes{device="/dev/vdb",mountpoint="/data",fstype="xfs",device_error=""}',
      ]);
      const none = tmpTree({});
      await run(definition, none.root, options(definition), { rootfs: '/' }).then(
        () => expect.fail('no mount table must fail'),
        (e: unknown) => expect(e).to.be.instanceOf(MissingFileError),
      );
      none.remove();
    } finally {
      hidden.remove();
    }
  });

  it("reports a mount point under the rootfs (a container's view of the host) by its host path", () => {
    const rootfs = new ProcFs('/host/root');
    expect(hostMountPoint('/host/root', rootfs)).to.equal('/');
    expect(hostMountPoint('/host/root/boot', rootfs)).to.equal('/boot');
    expect(hostMountPoint('/host/rootless', rootfs)).to.equal('/host/rootless');
    expect(hostMountPoint('/etc/hosts', rootfs)).to.equal('/etc/hosts');
    expect(hostMountPoint('/boot', new ProcFs('/'))).to.equal('/boot');
  });

  it('reports a mount that does not answer as "mountpoint timeout", at once and without calling again until its call returns', async () => {
    const definition = filesystemCollector(pool);
    const opts = options(definition, { mountTimeout: 150 });
    const nfs = '{device="server:/export",mountpoint="/mnt/nfs",fstype="nfs4",device_error="mountpoint timeout"}';
    const first = series(await run(definition, proc.root, opts, { rootfs: '/' }));
    expect(first[`node_filesystem_device_error${nfs}`]).to.equal(1);
    expect(first[`node_filesystem_readonly${nfs}`]).to.equal(0);
    expect(first[`node_filesystem_size_bytes${nfs}`]).to.equal(undefined);
    expect(first['node_filesystem_size_bytes{device="/dev/vdb",mountpoint="/data",fstype="xfs",device_error=""}']).to.equal(1024000);
    expect(calls()).to.equal(5);
    expect(TIMEOUT_ERROR).to.equal('mountpoint timeout');

    const second = series(await run(definition, proc.root, opts, { rootfs: '/' }));
    expect(second[`node_filesystem_device_error${nfs}`]).to.equal(1);
    expect(calls(), 'the stuck mount is not called again; the others are').to.equal(9);
    expect(pool.outstandingPaths()).to.deep.equal(['/mnt/nfs']);

    release();
    while (pool.outstandingPaths().length > 0) await new Promise((r) => setTimeout(r, 10));
    const third = series(await run(definition, proc.root, opts, { rootfs: '/' }));
    expect(third['node_filesystem_size_bytes{device="server:/export",mountpoint="/mnt/nfs",fstype="nfs4",device_error=""}']).to.equal(
      2000 * 1048576,
    );
  });

  it('keeps /metrics, the other collectors and /dump working while more mounts are stuck than libuv has threads', async () => {
    const stuck = Array.from({ length: 6 }, (_, i) => `${40 + i} 27 0:${50 + i} / /stuck/${i} rw - nfs4 dead:/export${i} rw,addr=10.0.0.9`);
    const tree = tmpTree({
      '1/mountinfo': `${[...MOUNTINFO.split('\n'), ...stuck].join('\n')}\n`,
      loadavg: '0.12 0.34 0.56 1/77 2457\n',
      meminfo: fs.readFileSync(fixturePath('proc/meminfo'), 'utf8'),
    });
    const config = loadConfig([
      '--config',
      '/dev/null',
      '--web.listen-address',
      '127.0.0.1:0',
      '--path.procfs',
      tree.root,
      '--path.rootfs',
      '/',
      '--collector.disable-defaults',
      '--collector.filesystem',
      '--collector.loadavg',
      '--collector.meminfo',
      '--collector.filesystem.mount-timeout',
      '200ms',
      '--collector.filesystem.stat-workers',
      '8',
    ]);
    config.collectors = config.collectors.map((c) => (c.name === 'filesystem' ? { ...c, definition: filesystemCollector(pool) } : c));
    const running = await startExporter(config, pino({ level: 'silent' }), { pageSize: 4096 });
    try {
      await running.scheduler.firstSnapshot();
      const deadline = Date.now() + 20_000;
      while (pool.threads().stuck < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(pool.threads().stuck, 'threads blocked in statfs').to.be.at.least(Number(process.env.UV_THREADPOOL_SIZE ?? 4) + 1);
      for (let i = 0; i < 3; i++) {
        const metrics = await get(`http://${running.address}/metrics`);
        expect(metrics.status).to.equal(200);
        expect(metrics.body).to.include('node_scrape_collector_success{collector="loadavg"} 1\n');
        expect(metrics.body).to.include('node_scrape_collector_success{collector="meminfo"} 1\n');
        expect(metrics.body).to.include('node_load1 0.12\n');
        // The dump reads through libuv's pool: it answers while six statfs calls hang.
        const dump = await get(`http://${running.address}/dump/loadavg`);
        expect(dump.status).to.equal(200);
        expect(JSON.parse(dump.body).records[0].load1).to.equal(0.12);
      }
      // The cycles go on: filesystem reports the stuck mounts and the healthy ones.
      let body = '';
      while (Date.now() < deadline) {
        body = (await get(`http://${running.address}/metrics`)).body;
        if (body.includes('node_scrape_collector_success{collector="filesystem"} 1\n') && body.includes('mountpoint="/stuck/5"')) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(body).to.include('node_scrape_collector_success{collector="filesystem"} 1\n');
      expect(body).to.include(
        'node_filesystem_device_error{device="dead:/export5",mountpoint="/stuck/5",fstype="nfs4",device_error="mountpoint timeout"} 1\n',
      );
      expect(body).to.include('node_filesystem_size_bytes{device="/dev/vdb",mountpoint="/data",fstype="xfs",device_error=""} 1024000\n');
    } finally {
      release();
      await running.stop();
      tree.remove();
    }
  });
});

describe('filesystem collector defaults', () => {
  it("has node_exporter's excludes, mount timeout and stat workers", () => {
    const defaults = options(filesystemCollector(new StatfsPool()));
    expect(defaults.mountPointsExclude).to.equal(
      '^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)',
    );
    expect(defaults.fsTypesExclude).to.match(/\|squashfs\|erofs\|sysfs\|tracefs\)\$$/);
    expect(defaults.mountTimeout).to.equal(5000);
    expect(defaults.statWorkers).to.equal(4);
  });
});
