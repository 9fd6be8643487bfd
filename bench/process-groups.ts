/**
 * Benchmark of the process_groups collector (not a test):
 *
 *   npx tsx bench/process-groups.ts [--processes 2000] [--cycles 10] [--groups 20] [--keep]
 *
 * Writes a temporary procfs tree of N synthetic processes (stat, status, io,
 * cmdline, exe link, fd/ with 8 entries each; bench/support/process-tree.ts),
 * configures groups matched by comm, exe and a cmdline regex with a capture,
 * and runs the collector through the scheduler's own `runCollector` (walk,
 * grouping, mapping) for a number of cycles. Reports the cycle time (first
 * cycle apart: cold caches and compilation) and the event loop's worst delay.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import { processGroupsCollector } from '../collectors/process-groups';
import { DEFAULT_PROCESS_GROUPS_SETTINGS, filesystems } from '../src/collector';
import { runCollector } from '../src/exporter/scheduler';
import { ProcFs } from '../src/procfs';
import { writeProcess, writeRootStat, type SyntheticProcess } from './support/process-tree';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

async function main(): Promise<void> {
  const count = arg('processes', 2000);
  const cycles = arg('cycles', 10);
  const groups = arg('groups', 20);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-bench-groups-'));
  const started = performance.now();
  writeRootStat(root, 1795651200);
  for (let i = 0; i < count; i++) {
    const g = i % groups;
    const kind = i % 3;
    const p: SyntheticProcess = {
      pid: 1000 + i,
      comm: kind === 0 ? `svc${g}` : kind === 1 ? 'python3' : `bin${g}`,
      exe: kind === 1 ? '/usr/bin/python3.12' : `/opt/svc/bin${g}`,
      argv: kind === 1 ? ['/usr/bin/python3', `/srv/app/job${g}.py`, '--worker', String(i)] : [`/opt/svc/bin${g}`, '--id', String(i)],
      state: i % 50 === 0 ? 'R' : 'S',
      utime: i * 3,
      stime: i,
      threads: 1 + (i % 4),
      starttime: 1000 + i,
      vsizeBytes: 100_000_000 + i,
      rssPages: 1000 + i,
      voluntary: i * 10,
      nonvoluntary: i,
      io: { read: i * 4096, write: i * 512 },
      fds: 8,
    };
    writeProcess(root, p);
  }
  const written = performance.now() - started;
  const raw = [
    { name: '{{.Comm}}', comm: Array.from({ length: groups }, (_, g) => `svc${g}`) },
    { name: 'python:{{.Matches.job}}', cmdline: ['python3? \\S*/(?<job>[^/ ]+)\\.py'] },
    { name: '{{.ExeBase}}', exe: Array.from({ length: groups }, (_, g) => `bin${g}`) },
  ];
  const collector = { definition: processGroupsCollector({ ...DEFAULT_PROCESS_GROUPS_SETTINGS, groups: raw }), options: {}, intervalMs: 5000, timeoutMs: 600_000 };
  const procfs = new ProcFs(root);
  const env = { pageSize: 4096 };
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const times: number[] = [];
  let series = 0;
  try {
    for (let c = 0; c < cycles; c++) {
      if (c === 1) delay.enable();
      const t0 = performance.now();
      const run = await runCollector(collector, filesystems(procfs), env).result;
      times.push(performance.now() - t0);
      if (!run.success) throw new Error(run.error);
      series = run.families.reduce((n, f) => n + f.samples.length, 0);
    }
    delay.disable();
  } finally {
    if (!process.argv.includes('--keep')) fs.rmSync(root, { recursive: true, force: true });
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  const median = warm.length > 0 ? warm[Math.floor(warm.length / 2)] : times[0];
  console.log(`tree: ${count} synthetic processes (${written.toFixed(0)} ms to write)${process.argv.includes('--keep') ? ` in ${root}` : ''}; ${series} series per cycle`);
  console.log(`cycle (walk 5 files + fd/ per process, group, map): first ${times[0].toFixed(1)} ms, then median ${median.toFixed(1)} ms, min ${warm[0]?.toFixed(1)} ms, max ${warm[warm.length - 1]?.toFixed(1)} ms over ${warm.length} cycles`);
  console.log(`per process: ${((median * 1000) / count).toFixed(1)} µs; event loop worst delay during warm cycles: ${(delay.max / 1e6).toFixed(1)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
