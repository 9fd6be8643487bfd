/**
 * Figure 2, cycle: CPU per collection cycle of the default collectors (read,
 * parse, map, serialize once) against reading the same files alone (the
 * floor), with the stages apart. Target: cycle CPU ≤ 2.5 × the floor.
 */
import * as fs from 'fs';
import { applyCollector, type CollectorInput } from '../src/collector';
import { Scheduler } from '../src/exporter/scheduler';
import { Snapshot, type CollectorRun } from '../src/exporter/snapshot';
import { ProcFs } from '../src/procfs';
import { getHandler } from '../src/registry';
import { collectGarbage, cpuPerCall, log, median, type Options, type Report } from './runner';
import { benchEnv, defaultCollectors, silentLogger } from './support/collectors';

export async function benchCycle(o: Options, report: Report): Promise<void> {
  const env = benchEnv();
  const { config, scheduled } = defaultCollectors();
  const procfs = new ProcFs(config.procfs);
  const scheduler = new Scheduler({ collectors: scheduled, procfs, env, logger: silentLogger() });
  const reads = new Map<string, string>();
  for (const c of scheduled)
    for (const name of Object.keys(c.definition.reads)) if (procfs.exists(name)) reads.set(name, procfs.resolve(name));
  const files = [...reads.values()];
  log(`cycle: collectors ${scheduled.map((c) => c.definition.name).join(', ')}; ${files.length} files: ${[...reads.keys()].join(', ')}`);

  const cycle = async (): Promise<void> => {
    const snapshot = await scheduler.runOnce();
    snapshot.text('text');
  };
  const floor = (): void => {
    for (const f of files) fs.readFileSync(f, 'utf8');
  };
  // Breakdown: the same work in stages, on the same files.
  const texts: Record<string, string> = {};
  for (const [name, file] of reads) texts[name] = fs.readFileSync(file, 'utf8');
  const parsed: CollectorInput = {};
  for (const name of reads.keys()) parsed[name] = getHandler(name)!.parse(texts[name], name);
  const readAsync = async (): Promise<void> => {
    await Promise.all([...reads.keys()].map((name) => procfs.readTextAsync(name)));
  };
  const parse = (): void => {
    for (const name of reads.keys()) getHandler(name)!.parse(texts[name], name);
  };
  let families: CollectorRun[] = [];
  const map = (): void => {
    families = scheduled.map((c) => ({
      collector: c.definition.name,
      success: true,
      durationSeconds: 0.001,
      finishedAt: 0,
      families: applyCollector(c.definition, parsed, c.options, env),
    }));
  };
  map();
  const serialize = (): void => {
    new Snapshot(families.map((r) => ({ ...r, cache: undefined }))).text('text');
  };

  const rounds = o.quick ? 1 : 5;
  const count = o.quick ? 5 : 200;
  for (let i = 0; i < 3; i++) {
    await cycle();
    floor();
  }
  const ratios: number[] = [];
  const cycles: number[] = [];
  const floors: number[] = [];
  const stages: Record<string, number[]> = { readAsync: [], parse: [], map: [], serialize: [] };
  for (let r = 0; r < rounds; r++) {
    collectGarbage();
    const f = await cpuPerCall(floor, count);
    const c = await cpuPerCall(cycle, count);
    floors.push(f);
    cycles.push(c);
    ratios.push(c / f);
    stages.readAsync.push(await cpuPerCall(readAsync, count));
    stages.parse.push(await cpuPerCall(parse, count));
    stages.map.push(await cpuPerCall(map, count));
    stages.serialize.push(await cpuPerCall(serialize, count));
  }
  const cycleMs = median(cycles);
  const floorMs = median(floors);
  const ratio = median(ratios);
  const stageMs = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, median(v)]));
  const series = new Snapshot(families)
    .text('text')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#')).length;
  log(
    `  cycle ${cycleMs.toFixed(3)} ms CPU, floor ${floorMs.toFixed(3)} ms, ratio ${ratio.toFixed(2)}× (rounds: ${ratios.map((x) => x.toFixed(2)).join(', ')}); ` +
      `stages: ${Object.entries(stageMs)
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join(', ')} ms; ${series} series`,
  );
  report.details.cycle = {
    collectors: scheduled.map((c) => c.definition.name),
    files: [...reads.keys()],
    cycleMs,
    floorMs,
    ratio,
    ratios,
    stagesMs: stageMs,
    series,
  };
  report.row({ section: 'cycle', metric: `default collectors: CPU per cycle (${series} series)`, value: cycleMs, unit: 'ms', target: '' });
  report.row({ section: 'cycle', metric: `floor: readFileSync of the same ${files.length} files`, value: floorMs, unit: 'ms', target: '' });
  report.row({ section: 'cycle', metric: 'cycle CPU / floor', value: ratio, unit: '×', target: '≤ 2.5×', pass: ratio <= 2.5 });
  for (const [k, v] of Object.entries(stageMs)) report.row({ section: 'cycle', metric: `  stage: ${k}`, value: v, unit: 'ms', target: '' });
}
