/**
 * The exporter on procfs trees with hostile files: a FIFO, /dev/zero or a
 * huge file in place of a collector's file, links out of the root (and one
 * swapped back and forth while /dump is read), a read that never returns at
 * SIGTERM. Each fault costs only the file it is in.
 */
import { expect } from 'chai';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import pino from 'pino';
import { collectors } from '../../collectors/index';
import type { CollectorDefinition } from '../../src/collector';
import { Scheduler, type ScheduledCollector } from '../../src/exporter/scheduler';
import { createApp, listen, serverAddress } from '../../src/exporter/server';
import { MAX_PROCFS_READ_BYTES, pendingReads, ProcFs } from '../../src/procfs';
import { exporterArgs, get, TREE_6_18 } from './helpers';

const silent = pino({ level: 'silent' });

function scheduled(definition: CollectorDefinition, timeoutMs = 1000): ScheduledCollector {
  const options = Object.fromEntries(Object.entries(definition.options ?? {}).map(([k, v]) => [k, v.default]));
  return { definition, options, intervalMs: 60_000, timeoutMs };
}

/** A copy of the 6.18 capture to break. */
function copyTree(tmp: string): string {
  const root = path.join(tmp, 'proc');
  fs.cpSync(TREE_6_18, root, { recursive: true, verbatimSymlinks: true });
  return root;
}

function mkfifo(file: string): void {
  fs.rmSync(file, { force: true });
  expect(spawnSync('mkfifo', [file]).status, 'mkfifo').to.equal(0);
}

async function serveDump(procfs: ProcFs, timeoutMs: number): Promise<{ url: string; close: () => Promise<void> }> {
  const scheduler = new Scheduler({ collectors: [], procfs, env: { pageSize: 4096 }, logger: silent });
  const app = createApp({
    scheduler,
    procfs,
    logger: silent,
    telemetryPath: '/metrics',
    dump: { enabled: true, perProcess: false, timeoutMs },
  });
  const server = await listen(app, 0, '127.0.0.1');
  return {
    url: `http://${serverAddress(server)}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('exporter: hostile files in the procfs tree', function () {
  this.timeout(60_000);
  let tmp: string;
  let root: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-faults-'));
    root = copyTree(tmp);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a FIFO: every /dump of it is refused at once (403), and after 8 of them the other files and collectors still read', async () => {
    mkfifo(path.join(root, 'loadavg'));
    const procfs = new ProcFs(root);
    const dump = await serveDump(procfs, 500);
    try {
      for (let i = 0; i < 8; i++) {
        const res = await get(`${dump.url}/dump/loadavg`);
        expect(res.status, `dump ${i + 1}`).to.equal(403);
        expect(JSON.parse(res.body).error).to.equal(
          'loadavg: a FIFO (named pipe), not a regular file (refused: reading it could block or never end)',
        );
      }
      expect(pendingReads()).to.equal(0);
      expect((await get(`${dump.url}/dump/meminfo`)).status).to.equal(200);
      const scheduler = new Scheduler({
        collectors: [scheduled(collectors.loadavg), scheduled(collectors.meminfo), scheduled(collectors.stat)],
        procfs,
        env: { pageSize: 4096 },
        logger: silent,
      });
      const snapshot = await scheduler.runOnce();
      expect(snapshot.run('loadavg')).to.include({
        success: false,
        error: `${root}/loadavg: a FIFO (named pipe), not a regular file (refused: reading it could block or never end)`,
      });
      expect(snapshot.run('meminfo')!.success).to.equal(true);
      expect(snapshot.run('stat')!.success).to.equal(true);
    } finally {
      await dump.close();
    }
  });

  it('/dev/zero or a file over the read bound in place of vmstat fails vmstat alone, with the reason', async () => {
    const scheduler = (): Scheduler =>
      new Scheduler({
        collectors: [scheduled(collectors.vmstat), scheduled(collectors.loadavg)],
        procfs: new ProcFs(root),
        env: { pageSize: 4096 },
        logger: silent,
      });
    fs.rmSync(path.join(root, 'vmstat'));
    fs.symlinkSync('/dev/zero', path.join(root, 'vmstat'));
    let snapshot = await scheduler().runOnce();
    expect(snapshot.run('vmstat')).to.include({
      success: false,
      error: `${root}/vmstat: a character device, not a regular file (refused: reading it could block or never end)`,
    });
    expect(snapshot.run('loadavg')!.success).to.equal(true);
    fs.rmSync(path.join(root, 'vmstat'));
    // A sparse file one byte over the bound: as long as the kernel's file would be if it never ended.
    fs.writeFileSync(path.join(root, 'vmstat'), '');
    fs.truncateSync(path.join(root, 'vmstat'), MAX_PROCFS_READ_BYTES + 1);
    snapshot = await scheduler().runOnce();
    expect(snapshot.run('vmstat')).to.include({ success: false, error: `${root}/vmstat: larger than ${MAX_PROCFS_READ_BYTES} bytes` });
    expect(snapshot.run('loadavg')!.success).to.equal(true);
  });

  it('a collector never follows a link out of the root (loadavg → an outside file), and follows one inside it', async () => {
    fs.writeFileSync(path.join(tmp, 'outside-loadavg'), '9.99 9.99 9.99 1/1 1\n');
    fs.rmSync(path.join(root, 'loadavg'));
    fs.symlinkSync(path.join(tmp, 'outside-loadavg'), path.join(root, 'loadavg'));
    // An in-root link the way /proc has them: net → self/net, self → a pid directory.
    fs.mkdirSync(path.join(root, '4242', 'net'), { recursive: true });
    fs.renameSync(path.join(root, 'net', 'dev'), path.join(root, '4242', 'net', 'dev'));
    fs.symlinkSync('../4242/net/dev', path.join(root, 'net', 'dev'));
    const procfs = new ProcFs(root);
    const scheduler = new Scheduler({
      collectors: [scheduled(collectors.loadavg), scheduled(collectors.netdev)],
      procfs,
      env: { pageSize: 4096 },
      logger: silent,
    });
    const snapshot = await scheduler.runOnce();
    expect(snapshot.run('loadavg')).to.include({
      success: false,
      error: `${root}/loadavg: leads out of the procfs root ${root} (a symbolic link to an outside file)`,
    });
    expect(snapshot.text('text')).to.not.match(/^node_load1 /m);
    expect(snapshot.run('netdev')!.success).to.equal(true);
    expect(snapshot.text('text')).to.match(/^node_network_receive_bytes_total\{device="lo"\} \d+$/m);
  });

  it('/dump while a link is swapped between an inside and an outside file: the outside file is never served', async () => {
    fs.writeFileSync(path.join(tmp, 'outside-loadavg'), '0.01 0.02 0.03 7/777 987654\n');
    fs.renameSync(path.join(root, 'loadavg'), path.join(root, 'loadavg.real'));
    fs.symlinkSync('loadavg.real', path.join(root, 'loadavg'));
    // Another process swaps the link atomically (rename over it), as fast as it can, until killed.
    const swapper = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); const [link, inside, outside] = process.argv.slice(1);
         for (let i = 0; ; i++) { const tmp = link + '.tmp'; try { fs.rmSync(tmp, { force: true }); fs.symlinkSync(i % 2 ? outside : inside, tmp); fs.renameSync(tmp, link); } catch {} }`,
        path.join(root, 'loadavg'),
        'loadavg.real',
        path.join(tmp, 'outside-loadavg'),
      ],
      { stdio: 'ignore' },
    );
    const dump = await serveDump(new ProcFs(root), 5000);
    const statuses: Record<number, number> = {};
    let served = 0;
    try {
      for (let batch = 0; batch < 300; batch++) {
        const answers = await Promise.all([1, 2, 3, 4, 5].map(() => get(`${dump.url}/dump/loadavg`)));
        for (const res of answers) {
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          expect(res.body).to.not.include('987654');
          if (res.status === 200) {
            served++;
            expect(JSON.parse(res.body).records[0]).to.include({ nr_threads: 77, last_pid: 2457 });
          }
        }
      }
    } finally {
      swapper.kill('SIGKILL');
      await dump.close();
    }
    // Both sides of the swap were seen: the inside file served, the outside one refused.
    expect(served, JSON.stringify(statuses)).to.be.greaterThan(0);
    expect(statuses[404] ?? 0, JSON.stringify(statuses)).to.be.greaterThan(0);
    expect(Object.keys(statuses).sort()).to.deep.equal(['200', '404']);
  });

  it('an empty loadavg, meminfo, stat or net/dev fails its collector (success 0); an empty diskstats is a machine without disks', async () => {
    for (const file of ['loadavg', 'meminfo', 'stat', 'net/dev', 'diskstats']) fs.writeFileSync(path.join(root, file), '');
    const chosen = [
      collectors.loadavg,
      collectors.meminfo,
      collectors.stat,
      collectors.cpu,
      collectors.netdev,
      collectors.diskstats,
      collectors.vmstat,
    ];
    const scheduler = new Scheduler({
      collectors: chosen.map((c) => scheduled(c)),
      procfs: new ProcFs(root),
      env: { pageSize: 4096 },
      logger: silent,
    });
    const snapshot = await scheduler.runOnce();
    const text = snapshot.text('text');
    expect(Object.fromEntries(snapshot.runs.map((r) => [r.collector, r.success]))).to.deep.equal({
      loadavg: false,
      meminfo: false,
      stat: false,
      cpu: false,
      netdev: false,
      diskstats: true,
      vmstat: true,
    });
    expect(snapshot.run('loadavg')!.error).to.equal(`${root}/loadavg:1: empty file (the kernel always prints the load averages): ""`);
    expect(snapshot.run('netdev')!.error).to.equal(`${root}/net/dev:1: empty file (the kernel always prints two header lines): ""`);
    expect(text).to.match(/^node_scrape_collector_success\{collector="loadavg"\} 0$/m);
    expect(text).to.match(/^node_scrape_collector_success\{collector="diskstats"\} 1$/m);
    expect(text).to.not.match(/^node_disk_/m);
  });

  it('SIGTERM ends the process even while a read is blocked in the kernel (it never returns)', async () => {
    // A read that never returns (a process stuck in D state holds its files' locks): fault-injected by
    // making the exporter's open of <root>/loadavg a blocking open of a FIFO no one writes.
    const fifo = path.join(tmp, 'never');
    mkfifo(fifo);
    const blocker = path.join(tmp, 'block-open.js');
    // Written by the blocker when it starts the open that never returns.
    const opening = path.join(tmp, 'opening-loadavg');
    fs.writeFileSync(
      blocker,
      `const fs = require('fs'); const open = fs.open;
       fs.open = function (file, flags, ...rest) {
         if (String(file) === ${JSON.stringify(path.join(root, 'loadavg'))}) {
           fs.writeFileSync(${JSON.stringify(opening)}, '');
           return open.call(fs, ${JSON.stringify(fifo)}, 'r', ...rest);
         }
         return open.call(fs, file, flags, ...rest);
       };`,
    );
    const args = ['--config', '/dev/null', '--log.format', 'json', '--web.listen-address=127.0.0.1:0', '--path.procfs', root];
    const child = spawn(process.execPath, ['--require', blocker, ...exporterArgs(), ...args], {
      env: { ...process.env, PROC_EXPORTER_PAGE_SIZE: '4096' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    // 'close': the process has exited and its stderr is read to the end.
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('close', (code, signal) => resolve({ code, signal })),
    );
    try {
      // The blocked read has started once the blocker has left its mark (the first cycle may begin after 'listening').
      while (!stderr.includes('"msg":"listening"') || !fs.existsSync(opening)) {
        if (child.exitCode !== null) throw new Error(`exporter exited: ${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      child.kill('SIGTERM');
      const { code, signal } = await exited;
      expect({ code, signal }).to.deep.equal({ code: null, signal: 'SIGTERM' });
      expect(stderr).to.include('"msg":"stopped"');
      // The blocked read, and any other read of the cycle still on the thread pool at that moment.
      const pending = stderr
        .split('\n')
        .filter((l) => l.includes('"msg":"reads still pending; exiting by the signal"'))
        .map((l) => JSON.parse(l) as { pending_reads: number });
      expect(pending).to.have.length(1);
      expect(pending[0].pending_reads).to.be.at.least(1);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      // Release the blocked open in the (killed) child's place: nothing is left waiting on the FIFO.
      fs.closeSync(fs.openSync(fifo, fs.constants.O_RDWR | fs.constants.O_NONBLOCK));
    }
  });
});
