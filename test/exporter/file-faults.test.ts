/**
 * The exporter on procfs trees with hostile files: a FIFO, /dev/zero or a
 * huge file in place of a collector's file, a read that never returns at
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
  const app = createApp({ scheduler, procfs, logger: silent, telemetryPath: '/metrics', dump: { enabled: true, perProcess: false, timeoutMs } });
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
        expect(JSON.parse(res.body).error).to.equal('loadavg: a FIFO (named pipe), not a regular file (refused: reading it could block or never end)');
      }
      expect(pendingReads()).to.equal(0);
      expect((await get(`${dump.url}/dump/meminfo`)).status).to.equal(200);
      const scheduler = new Scheduler({ collectors: [scheduled(collectors.loadavg), scheduled(collectors.meminfo), scheduled(collectors.stat)], procfs, env: { pageSize: 4096 }, logger: silent });
      const snapshot = await scheduler.runOnce();
      expect(snapshot.run('loadavg')).to.include({ success: false, error: `${root}/loadavg: a FIFO (named pipe), not a regular file (refused: reading it could block or never end)` });
      expect(snapshot.run('meminfo')!.success).to.equal(true);
      expect(snapshot.run('stat')!.success).to.equal(true);
    } finally {
      await dump.close();
    }
  });

  it('/dev/zero or a file over the read bound in place of vmstat fails vmstat alone, with the reason', async () => {
    const scheduler = (): Scheduler =>
      new Scheduler({ collectors: [scheduled(collectors.vmstat), scheduled(collectors.loadavg)], procfs: new ProcFs(root), env: { pageSize: 4096 }, logger: silent });
    fs.rmSync(path.join(root, 'vmstat'));
    fs.symlinkSync('/dev/zero', path.join(root, 'vmstat'));
    let snapshot = await scheduler().runOnce();
    expect(snapshot.run('vmstat')).to.include({ success: false, error: `${root}/vmstat: a character device, not a regular file (refused: reading it could block or never end)` });
    expect(snapshot.run('loadavg')!.success).to.equal(true);
    fs.rmSync(path.join(root, 'vmstat'));
    // A sparse file one byte over the bound: as long as the kernel's file would be if it never ended.
    fs.writeFileSync(path.join(root, 'vmstat'), '');
    fs.truncateSync(path.join(root, 'vmstat'), MAX_PROCFS_READ_BYTES + 1);
    snapshot = await scheduler().runOnce();
    expect(snapshot.run('vmstat')).to.include({ success: false, error: `${root}/vmstat: larger than ${MAX_PROCFS_READ_BYTES} bytes` });
    expect(snapshot.run('loadavg')!.success).to.equal(true);
  });

  it('SIGTERM ends the process even while a read is blocked in the kernel (it never returns)', async () => {
    // A read that never returns (a process stuck in D state holds its files' locks): fault-injected by
    // making the exporter's open of <root>/loadavg a blocking open of a FIFO no one writes.
    const fifo = path.join(tmp, 'never');
    mkfifo(fifo);
    const blocker = path.join(tmp, 'block-open.js');
    fs.writeFileSync(
      blocker,
      `const fs = require('fs'); const open = fs.open;
       fs.open = function (file, flags, ...rest) {
         if (String(file) === ${JSON.stringify(path.join(root, 'loadavg'))}) return open.call(fs, ${JSON.stringify(fifo)}, 'r', ...rest);
         return open.call(fs, file, flags, ...rest);
       };`,
    );
    const child = spawn(process.execPath, ['--require', blocker, ...exporterArgs(), '--config', '/dev/null', '--web.listen-address=127.0.0.1:0', '--path.procfs', root], {
      env: { ...process.env, PROC_EXPORTER_PAGE_SIZE: '4096' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (stderr += chunk));
    // 'close': the process has exited and its stderr is read to the end.
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
    try {
      // The first cycle, and so the blocked read, has started once the exporter says it listens.
      while (!stderr.includes('"msg":"listening"')) {
        if (child.exitCode !== null) throw new Error(`exporter exited: ${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      child.kill('SIGTERM');
      const { code, signal } = await exited;
      expect({ code, signal }).to.deep.equal({ code: null, signal: 'SIGTERM' });
      expect(stderr).to.include('"msg":"stopped"');
      expect(stderr).to.match(/"pending_reads":1,.*"msg":"reads still pending; exiting by the signal"/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      // Release the blocked open in the (killed) child's place: nothing is left waiting on the FIFO.
      fs.closeSync(fs.openSync(fifo, fs.constants.O_RDWR | fs.constants.O_NONBLOCK));
    }
  });
});
