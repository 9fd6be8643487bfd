/** The scheduler: isolation of failing and hanging collectors, whole-snapshot swaps, skipped overlapping runs. */
import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import pino from 'pino';
import { startExporter } from '../../src/exporter/cli';
import { defineCollector, type CollectorDefinition } from '../../src/collector';
import { Scheduler, type ScheduledCollector } from '../../src/exporter/scheduler';
import { ProcFs } from '../../src/procfs';
import { collectors } from '../../collectors/index';
import { get, loadConfig, TREE_6_18 } from './helpers';
import { CountingProcFs } from '../support/counting-procfs';

const silent = pino({ level: 'silent' });
const env = { pageSize: 4096 };

/** A procfs tree where some files hang forever or fail, counting reads. */
class TrickyProcFs extends ProcFs {
  reads: string[] = [];
  constructor(
    root: string,
    private readonly hang: Set<string>,
  ) {
    super(root);
  }
  override readTextAsync(relative: string): Promise<string> {
    this.reads.push(relative);
    if (this.hang.has(relative)) return new Promise(() => undefined);
    return super.readTextAsync(relative);
  }
}

const broken = defineCollector({
  name: 'broken',
  description: 'reads a file the tree lacks',
  defaultEnabled: true,
  reads: { timer_stats: 'required' },
  metrics: [{ from: 'timer_stats', name: 'never', help: 'h', type: 'gauge', value: 'value' }],
});

const throwing = defineCollector({
  name: 'throwing',
  description: 'its mapping throws',
  defaultEnabled: true,
  reads: { softirqs: 'required' },
  metrics: [{ from: 'softirqs', name: 'bad', help: 'h', type: 'gauge', value: 'name' }],
});

function scheduled(definition: CollectorDefinition, intervalMs = 60_000, timeoutMs = 1000): ScheduledCollector {
  const options = Object.fromEntries(Object.entries(definition.options ?? {}).map(([k, v]) => [k, v.default]));
  return { definition, options, intervalMs, timeoutMs };
}

describe('scheduler', () => {
  it('reads a file once per cycle however many collectors need it, and again the next cycle', async () => {
    const procfs = new TrickyProcFs(TREE_6_18, new Set());
    const scheduler = new Scheduler({
      collectors: [scheduled(collectors.cpu), scheduled(collectors.stat), scheduled(collectors.udp_queues), scheduled(collectors.sockstat)],
      procfs,
      env,
      logger: silent,
    });
    const first = (await scheduler.runOnce()).text('text');
    expect(first).to.include('node_scrape_collector_success{collector="cpu"} 1\n');
    expect(first).to.include('node_scrape_collector_success{collector="stat"} 1\n');
    expect(first).to.include('node_context_switches_total ');
    expect(first).to.include('node_cpu_seconds_total{cpu="0",mode="idle"} ');
    expect(procfs.reads.filter((r) => r === 'stat')).to.have.length(1);
    expect(procfs.reads.filter((r) => r === 'net/sockstat')).to.have.length(1);
    await scheduler.runOnce();
    expect(procfs.reads.filter((r) => r === 'stat')).to.have.length(2);
  });

  it('gives gather collectors the same cycle-cached read, and the sysfs and rootfs trees it was given', async () => {
    const procfs = new TrickyProcFs(TREE_6_18, new Set());
    const seen: string[] = [];
    const gathering = defineCollector({
      name: 'gathering',
      description: 'reads stat through its context',
      defaultEnabled: true,
      reads: { stat: 'required' },
      gather: async ({ read, sysfs, rootfs }) => {
        seen.push(sysfs.root, rootfs.root);
        return { stat: await read('stat', 'required') };
      },
      metrics: [
        { from: 'stat', where: (r: { name?: string }) => r.name === 'btime', name: 'boot_time', help: 'h', type: 'gauge', value: 'value' },
      ],
    });
    const scheduler = new Scheduler({
      collectors: [scheduled(collectors.stat), scheduled(gathering)],
      procfs,
      sysfs: new ProcFs('/nonexistent/sys'),
      rootfs: new ProcFs('/nonexistent/root'),
      env,
      logger: silent,
    });
    const text = (await scheduler.runOnce()).text('text');
    expect(text).to.include('node_scrape_collector_success{collector="gathering"} 1\n');
    expect(text).to.match(/^boot_time \d+$/m);
    expect(procfs.reads.filter((r) => r === 'stat')).to.have.length(1);
    expect(seen).to.deep.equal(['/nonexistent/sys', '/nonexistent/root']);
  });

  it('isolates a collector whose file is missing and one that throws: their series are gone, success is 0', async () => {
    const scheduler = new Scheduler({
      collectors: [scheduled(collectors.diskstats), scheduled(broken), scheduled(throwing), scheduled(collectors.sockstat)],
      procfs: new ProcFs(TREE_6_18),
      env,
      logger: silent,
    });
    const snapshot = await scheduler.runOnce();
    const text = snapshot.text('text');
    expect(text).to.include('node_scrape_collector_success{collector="broken"} 0\n');
    expect(text).to.include('node_scrape_collector_success{collector="throwing"} 0\n');
    expect(text).to.include('node_scrape_collector_success{collector="diskstats"} 1\n');
    expect(text).to.include('node_scrape_collector_success{collector="sockstat"} 1\n');
    expect(text).to.include('node_disk_reads_completed_total{device="vda"} 6160\n');
    expect(text).to.include('node_sockstat_sockets_used ');
    expect(text).to.not.match(/^(never|bad)/m);
    expect(snapshot.run('broken')!.missing).to.equal(true);
    expect(snapshot.run('throwing')!.error).to.match(/not a number/);
  });

  it('times out a hanging collector without holding the others back, and does not start it again while it hangs', async () => {
    const procfs = new TrickyProcFs(TREE_6_18, new Set(['net/sockstat']));
    const scheduler = new Scheduler({
      collectors: [scheduled(collectors.diskstats, 100, 80), scheduled(collectors.sockstat, 100, 80)],
      procfs,
      env,
      logger: silent,
    });
    scheduler.start();
    try {
      const first = await scheduler.firstSnapshot();
      expect(first.run('sockstat')!.success).to.equal(false);
      expect(first.run('sockstat')!.error).to.equal('timed out after 80 ms');
      expect(first.run('diskstats')!.success).to.equal(true);
      await new Promise((r) => setTimeout(r, 450));
      expect(scheduler.published).to.be.greaterThan(2);
      expect(procfs.reads.filter((r) => r === 'net/sockstat')).to.have.length(1);
      expect(procfs.reads.filter((r) => r === 'diskstats').length).to.be.greaterThan(2);
      expect(scheduler.snapshot!.text('text')).to.include('node_scrape_collector_success{collector="sockstat"} 0\n');
    } finally {
      scheduler.stop();
    }
  });

  it("times each collector's own work: one that is busy for 250 ms does not lengthen the next one's duration", async () => {
    const busy = defineCollector({
      name: 'busy',
      description: 'computes for 250 ms before its records',
      defaultEnabled: true,
      reads: {},
      gather: () => {
        const until = Date.now() + 250;
        while (Date.now() < until) {
          // busy: the event loop is held
        }
        return Promise.resolve({ values: [{ value: 1 }] });
      },
      metrics: [{ from: 'values', name: 'busy_value', help: 'h', type: 'gauge', value: 'value' }],
    });
    const scheduler = new Scheduler({
      collectors: [scheduled(busy), scheduled(collectors.loadavg)],
      procfs: new ProcFs(TREE_6_18),
      env,
      logger: silent,
    });
    const snapshot = await scheduler.runOnce();
    const busyRun = snapshot.run('busy')!;
    const loadavgRun = snapshot.run('loadavg')!;
    expect(busyRun.success && loadavgRun.success).to.equal(true);
    expect(busyRun.durationSeconds).to.be.at.least(0.2);
    expect(loadavgRun.durationSeconds).to.be.below(0.2);
    expect(snapshot.text('text')).to.match(/^node_scrape_collector_duration_seconds\{collector="loadavg"\} /m);
  });

  it("reads the kernel's procfs synchronously and any other tree through the thread pool (live /proc: shape only)", async () => {
    const live = new CountingProcFs('/proc');
    const copy = new CountingProcFs(TREE_6_18);
    expect([live.isKernelFilesystem(), copy.isKernelFilesystem()]).to.deep.equal([true, false]);
    for (const procfs of [live, copy]) {
      const snapshot = await new Scheduler({
        collectors: [scheduled(collectors.loadavg), scheduled(collectors.stat)],
        procfs,
        env,
        logger: silent,
      }).runOnce();
      expect(snapshot.run('loadavg')!.success && snapshot.run('stat')!.success, procfs.root).to.equal(true);
    }
    expect([live.sync, live.async]).to.deep.equal([2, 0]);
    expect([copy.sync, copy.async]).to.deep.equal([0, 2]);
  });

  it('swaps snapshots whole: a published snapshot never changes, and a cycle is published at once', async () => {
    const scheduler = new Scheduler({
      collectors: [scheduled(collectors.diskstats), scheduled(collectors.netstat)],
      procfs: new ProcFs(TREE_6_18),
      env,
      logger: silent,
    });
    const first = await scheduler.runOnce();
    const text = first.text('text');
    const second = await scheduler.runOnce();
    expect(second).to.not.equal(first);
    expect(first.text('text')).to.equal(text);
    expect(scheduler.published).to.equal(2);
    const [a, b] = second.runs;
    expect(a.collector).to.equal('diskstats');
    expect(b.collector).to.equal('netstat');
    expect(second.text('openmetrics')).to.match(/# EOF\n$/);
  });

  it('logs a collector failure once per state change, not every cycle; a missing file at debug', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'debug' }, { write: (l: string) => lines.push(JSON.parse(l) as Record<string, unknown>) });
    const hang = new Set<string>();
    const procfs = new TrickyProcFs(TREE_6_18, hang);
    const scheduler = new Scheduler({
      collectors: [scheduled(throwing), scheduled(broken), scheduled(collectors.sockstat, 60_000, 1000)],
      procfs,
      env,
      logger,
    });
    await scheduler.runOnce();
    await scheduler.runOnce();
    await scheduler.runOnce();
    hang.add('net/sockstat');
    await scheduler.runOnce();
    const failures = lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('collector failed'));
    expect(failures.map((l) => `${String(l.level)} ${String(l.collector)} ${String(l.msg)}`).sort()).to.deep.equal([
      '20 broken collector failed: file not present',
      '50 sockstat collector failed',
      '50 throwing collector failed',
    ]);
  });
});

/** A temporary copy of a fixture tree with faults injected: files denied (EACCES, which chmod cannot do as root) or hanging until released. */
class FaultyProcFs extends ProcFs {
  readonly denied = new Set<string>();
  readonly hanging = new Map<string, (() => void)[]>();
  override readTextAsync(relative: string): Promise<string> {
    if (this.denied.has(relative)) {
      return Promise.reject(Object.assign(new Error(`EACCES: permission denied, open '${this.root}/${relative}'`), { code: 'EACCES' }));
    }
    if (this.hanging.has(relative)) {
      return new Promise<void>((resolve) => this.hanging.get(relative)!.push(resolve)).then(() => super.readTextAsync(relative));
    }
    return super.readTextAsync(relative);
  }
  release(relative: string): void {
    for (const resolve of this.hanging.get(relative) ?? []) resolve();
    this.hanging.delete(relative);
  }
}

describe('scheduler: collector failures on a fixture root stay contained and recover', () => {
  let tmp: string;
  let root: string;
  const original = fs.readFileSync(path.join(TREE_6_18, 'diskstats'), 'utf8');
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-faults-'));
    root = path.join(tmp, 'proc');
    fs.cpSync(TREE_6_18, root, { recursive: true, verbatimSymlinks: true });
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  afterEach(() => fs.writeFileSync(path.join(root, 'diskstats'), original));

  const all = (): ScheduledCollector[] => [
    scheduled(collectors.diskstats),
    scheduled(collectors.netstat),
    scheduled(collectors.sockstat),
    scheduled(collectors.softirqs),
  ];

  /** Only diskstats failed: its series are gone, every other collector's are served. */
  function expectOnlyDiskstatsFailed(text: string): void {
    expect(text).to.include('node_scrape_collector_success{collector="diskstats"} 0\n');
    for (const other of ['netstat', 'sockstat', 'softirqs'])
      expect(text).to.include(`node_scrape_collector_success{collector="${other}"} 1\n`);
    expect(text).to.not.include('node_disk_reads_completed_total');
    expect(text).to.include('node_sockstat_sockets_used 8\n');
    expect(text).to.include('node_netstat_Tcp_InSegs ');
    expect(text).to.include('node_softirqs_functions_total{');
  }

  const faults: [string, (procfs: FaultyProcFs) => void][] = [
    ['missing', () => fs.rmSync(path.join(root, 'diskstats'))],
    ['unreadable (EACCES)', (procfs) => procfs.denied.add('diskstats')],
    // Cut in its first line: no good record left (a cut after good lines costs only the cut line: degrade.test.ts).
    ['truncated mid-line', () => fs.writeFileSync(path.join(root, 'diskstats'), original.slice(0, 20))],
    ['garbage', () => fs.writeFileSync(path.join(root, 'diskstats'), Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 0x41, 0x20, 0x42, 10]))],
    [
      'a directory',
      () => {
        fs.rmSync(path.join(root, 'diskstats'));
        fs.mkdirSync(path.join(root, 'diskstats'));
      },
    ],
  ];

  for (const [name, inject] of faults) {
    it(`diskstats ${name}: only its success is 0, the others are served, it recovers when the file is good again`, async () => {
      const procfs = new FaultyProcFs(root);
      const scheduler = new Scheduler({ collectors: all(), procfs, env, logger: silent });
      expect((await scheduler.runOnce()).text('text')).to.include('node_scrape_collector_success{collector="diskstats"} 1\n');
      inject(procfs);
      expectOnlyDiskstatsFailed((await scheduler.runOnce()).text('text'));
      fs.rmSync(path.join(root, 'diskstats'), { recursive: true, force: true });
      fs.writeFileSync(path.join(root, 'diskstats'), original);
      procfs.denied.clear();
      const recovered = (await scheduler.runOnce()).text('text');
      expect(recovered).to.include('node_scrape_collector_success{collector="diskstats"} 1\n');
      expect(recovered).to.include('node_disk_reads_completed_total{device="vda"} 6160\n');
    });
  }

  it('a file that vanishes between cycles of the running scheduler fails that collector only, and it recovers by itself', async () => {
    const procfs = new FaultyProcFs(root);
    const scheduler = new Scheduler({
      collectors: all().map((c) => ({ ...c, intervalMs: 50, timeoutMs: 40 })),
      procfs,
      env,
      logger: silent,
    });
    const until = async (predicate: () => boolean): Promise<void> => {
      for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(predicate()).to.equal(true);
    };
    const success = (): boolean | undefined => scheduler.snapshot?.run('diskstats')?.success;
    scheduler.start();
    try {
      await until(() => success() === true);
      fs.rmSync(path.join(root, 'diskstats'));
      await until(() => success() === false);
      expectOnlyDiskstatsFailed(scheduler.snapshot!.text('text'));
      fs.writeFileSync(path.join(root, 'diskstats'), original);
      await until(() => success() === true);
    } finally {
      scheduler.stop();
    }
  });
});

describe('exporter: a hanging or throwing collector does not slow /metrics', function () {
  this.timeout(20_000);

  it("serves /metrics with the others' series while sockstat's read is still pending, then recovers when it completes", async () => {
    const procfs = new FaultyProcFs(TREE_6_18);
    procfs.hanging.set('net/sockstat', []);
    const file = path.join(os.tmpdir(), `proc-exporter-hang-${process.pid}.yaml`);
    fs.writeFileSync(file, 'interval: 1s\ncollectors:\n  sockstat:\n    timeout: 80ms\n');
    const config = loadConfig(['--config', file, '--web.listen-address', '127.0.0.1:0', '--path.procfs', TREE_6_18]);
    fs.rmSync(file);
    const running = await startExporter(config, silent, env, { procfs: () => procfs });
    try {
      const snapshot = await running.scheduler.firstSnapshot();
      expect(snapshot.run('sockstat')!.error).to.equal('timed out after 80 ms');
      for (let i = 0; i < 10; i++) {
        // The sockstat read is still pending (released only below): /metrics does not wait for it.
        const res = await get(`http://${running.address}/metrics`);
        expect(res.status).to.equal(200);
        expect(res.body).to.include('node_scrape_collector_success{collector="sockstat"} 0\n');
        expect(res.body).to.include('node_scrape_collector_success{collector="diskstats"} 1\n');
        expect(res.body).to.include('node_disk_reads_completed_total{device="vda"} 6160\n');
        await new Promise((r) => setTimeout(r, 30));
      }
      procfs.release('net/sockstat');
      for (let i = 0; i < 100; i++) {
        if (running.scheduler.snapshot!.run('sockstat')!.success) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const res = await get(`http://${running.address}/metrics`);
      expect(res.body).to.include('node_scrape_collector_success{collector="sockstat"} 1\n');
      expect(res.body).to.include('node_sockstat_sockets_used 8\n');
    } finally {
      await running.stop();
    }
  });
});
