/** The scheduler: isolation of failing and hanging collectors, whole-snapshot swaps, skipped overlapping runs. */
import { expect } from 'chai';
import pino from 'pino';
import { defineCollector, type CollectorDefinition } from '../../src/exporter/mapper';
import { Scheduler, type ScheduledCollector } from '../../src/exporter/scheduler';
import { ProcFs } from '../../src/procfs';
import { collectors } from '../../collectors/index';
import { TREE_6_18 } from './helpers';

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
  reads: { meminfo: 'required' },
  metrics: [{ from: 'meminfo', name: 'never', help: 'h', type: 'gauge', value: 'value' }],
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

  it('swaps snapshots whole: a published snapshot never changes, and a cycle is published at once', async () => {
    const scheduler = new Scheduler({ collectors: [scheduled(collectors.diskstats), scheduled(collectors.netstat)], procfs: new ProcFs(TREE_6_18), env, logger: silent });
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
    const scheduler = new Scheduler({ collectors: [scheduled(throwing), scheduled(broken), scheduled(collectors.sockstat, 60_000, 50)], procfs, env, logger });
    await scheduler.runOnce();
    await scheduler.runOnce();
    await scheduler.runOnce();
    hang.add('net/sockstat');
    await scheduler.runOnce();
    const failures = lines.filter((l) => typeof l.msg === 'string' && (l.msg as string).startsWith('collector failed'));
    expect(failures.map((l) => `${String(l.level)} ${String(l.collector)} ${String(l.msg)}`).sort()).to.deep.equal([
      '20 broken collector failed: file not present',
      '50 sockstat collector failed',
      '50 throwing collector failed',
    ]);
  });
});
