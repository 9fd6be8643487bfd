/**
 * Figure 2b, collectors: each default collector's own CPU per run on this
 * machine's /proc (read, parse, map: the scheduler's `runCollector`, with its
 * own reads, none shared with another collector), sorted from the costliest,
 * so that the ones worth work are visible. Rounds visit every collector in
 * turn (a load change hits them alike); the median of the rounds. A collector
 * that fails here (a file this kernel lacks) is measured too: it fails that
 * way at every cycle.
 */
import { filesystems } from '../src/collector';
import { runCollector } from '../src/exporter/scheduler';
import { ProcFs } from '../src/procfs';
import { collectGarbage, cpuPerCall, log, median, type Options, type Report } from './runner';
import { benchEnv, defaultCollectors } from './support/collectors';

export interface CollectorCost {
  collector: string;
  /** CPU milliseconds per run, median of the rounds. */
  ms: number;
  series: number;
  /** Why it failed on this machine, when it did. */
  error?: string;
}

export async function benchCollectorCosts(o: Options, report: Report): Promise<void> {
  const env = benchEnv();
  const { config, scheduled } = defaultCollectors();
  const trees = filesystems(new ProcFs(config.procfs), new ProcFs(config.sysfs), new ProcFs(config.rootfs));
  const rounds = o.quick ? 1 : 7;
  const count = o.quick ? 2 : 30;
  const runs = scheduled.map((c) => () => runCollector(c, trees, env).result);
  const outcomes = await Promise.all(runs.map((run) => run()));
  for (const run of runs) await run();
  const samples: number[][] = scheduled.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let c = 0; c < runs.length; c++) {
      collectGarbage();
      samples[c].push(await cpuPerCall(runs[c], count));
    }
  }
  const costs: CollectorCost[] = scheduled
    .map((c, i) => ({
      collector: c.definition.name,
      ms: median(samples[i]),
      series: outcomes[i].families.reduce((n, f) => n + f.samples.length, 0),
      error: outcomes[i].success ? undefined : outcomes[i].error,
    }))
    .sort((a, b) => b.ms - a.ms);
  const total = costs.reduce((s, c) => s + c.ms, 0);
  log(`collectors: ${costs.map((c) => `${c.collector} ${c.ms.toFixed(3)}`).join(', ')} ms; sum ${total.toFixed(3)} ms`);
  report.details.collectorCosts = { costs, totalMs: total };
  for (const c of costs) {
    const what = c.error === undefined ? `${c.series} series` : `fails here: ${c.error.slice(0, 60)}`;
    report.row({ section: 'collectors', metric: `${c.collector}: CPU per run (${what})`, value: c.ms, unit: 'ms', target: '' });
  }
  report.row({
    section: 'collectors',
    metric: `sum of the ${costs.length} default collectors' own CPU`,
    value: total,
    unit: 'ms',
    target: '',
  });
}
