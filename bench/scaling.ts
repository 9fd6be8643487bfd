/**
 * Figure 3, scaling: cycle CPU of the default collectors on synthetic procfs
 * trees with 1/64/256 CPUs and 10/100/1,000 disks. Target: the cost per CPU
 * and per disk does not grow (≤ 1.5 × from the small range to the large).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Scheduler } from '../src/exporter/scheduler';
import { ProcFs } from '../src/procfs';
import { generateDiskstats, generateInterrupts, generateSoftirqs } from './generate';
import { collectGarbage, cpuPerCall, log, median, type Options, type Report } from './runner';
import { benchEnv, defaultCollectors, defaultFiles, silentLogger } from './support/collectors';

/** Per-CPU files of the live /proc rewritten for `cpus` CPUs (the live first CPU's lines repeated). */
function perCpuFile(name: string, cpus: number): string | undefined {
  const live = fs.readFileSync(path.join('/proc', name), 'utf8');
  if (name === 'softirqs') return generateSoftirqs(cpus);
  if (name === 'interrupts') return generateInterrupts(cpus);
  if (name === 'net/softnet_stat') {
    const first = live.split('\n')[0];
    return `${Array.from({ length: cpus }, () => first).join('\n')}\n`;
  }
  if (name === 'stat') {
    const lines = live.split('\n');
    const cpu0 = lines.find((l) => l.startsWith('cpu0 '))!;
    const rest = lines.filter((l) => !/^cpu\d/.test(l));
    const total = rest.shift()!;
    return [total, ...Array.from({ length: cpus }, (_, c) => cpu0.replace(/^cpu0/, `cpu${c}`)), ...rest].join('\n');
  }
  if (name === 'cpuinfo') {
    const block = live.split('\n\n')[0];
    return `${Array.from({ length: cpus }, (_, c) => block.replace(/^processor\t: \d+/m, `processor\t: ${c}`)).join('\n\n')}\n\n`;
  }
  return undefined;
}

/**
 * A procfs tree in a temporary directory: every file the default collectors
 * read, copied from /proc, with the per-CPU files (softirqs, interrupts, stat,
 * cpuinfo, softnet_stat) for `cpus` CPUs and a diskstats of `disks` devices.
 */
function makeTree(cpus: number, disks: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-bench-'));
  for (const name of defaultFiles()) {
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const text =
      name === 'diskstats' ? generateDiskstats(disks) : (perCpuFile(name, cpus) ?? fs.readFileSync(path.join('/proc', name), 'utf8'));
    fs.writeFileSync(target, text);
  }
  return dir;
}

/** A scheduler of the default collectors on `dir` and one cycle of it (collect, publish, serialize). */
function cycleOn(dir: string): () => Promise<void> {
  const { scheduled } = defaultCollectors(dir);
  const scheduler = new Scheduler({ collectors: scheduled, procfs: new ProcFs(dir), env: benchEnv(), logger: silentLogger() });
  return async (): Promise<void> => {
    const snapshot = await scheduler.runOnce();
    for (const name of ['diskstats', 'softirqs']) {
      const run = snapshot.run(name);
      if (run !== undefined && !run.success) throw new Error(`${name} failed on ${dir}: ${run.error}`);
    }
    snapshot.text('text');
  };
}

export async function benchScaling(o: Options, report: Report): Promise<void> {
  const count = o.quick ? 3 : 30;
  const rounds = o.quick ? 1 : 7;
  const shapes: [cpus: number, disks: number][] = [
    [1, 10],
    [64, 10],
    [256, 10],
    [1, 100],
    [1, 1000],
  ];
  const dirs: string[] = [];
  try {
    const cycles = shapes.map(([cpus, disks]) => {
      const dir = makeTree(cpus, disks);
      dirs.push(dir);
      return cycleOn(dir);
    });
    for (const cycle of cycles) for (let i = 0; i < 3; i++) await cycle();
    // Rounds interleave the trees, so that a load change on the machine hits them all alike.
    const samples: number[][] = shapes.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (let t = 0; t < shapes.length; t++) {
        collectGarbage();
        samples[t].push(await cpuPerCall(cycles[t], count));
      }
    }
    const ms = samples.map((s) => median(s));
    shapes.forEach(([cpus, disks], t) => log(`  scaling: ${cpus} CPUs, ${disks} disks: ${ms[t].toFixed(3)} ms CPU per cycle`));
    const cpu = { 1: ms[0], 64: ms[1], 256: ms[2] };
    const disk = { 10: ms[0], 100: ms[3], 1000: ms[4] };
    const perCpuLow = (cpu[64] - cpu[1]) / 63;
    const perCpuHigh = (cpu[256] - cpu[64]) / 192;
    const perDiskLow = (disk[100] - disk[10]) / 90;
    const perDiskHigh = (disk[1000] - disk[100]) / 900;
    report.details.scaling = {
      cpuMs: cpu,
      diskMs: disk,
      perCpuLowUs: perCpuLow * 1000,
      perCpuHighUs: perCpuHigh * 1000,
      perDiskLowUs: perDiskLow * 1000,
      perDiskHighUs: perDiskHigh * 1000,
    };
    for (const [k, v] of Object.entries(cpu))
      report.row({ section: 'scaling', metric: `cycle CPU, ${k} CPUs (10 disks)`, value: v, unit: 'ms', target: '' });
    for (const [k, v] of Object.entries(disk))
      if (k !== '10') report.row({ section: 'scaling', metric: `cycle CPU, ${k} disks (1 CPU)`, value: v, unit: 'ms', target: '' });
    const cpuGrowth = perCpuHigh / perCpuLow;
    const diskGrowth = perDiskHigh / perDiskLow;
    report.row({
      section: 'scaling',
      metric: `cost per CPU 64→256 / 1→64 (${(perCpuLow * 1000).toFixed(1)} → ${(perCpuHigh * 1000).toFixed(1)} µs)`,
      value: cpuGrowth,
      unit: '×',
      target: '≤ 1.5× (linear)',
      pass: cpuGrowth <= 1.5,
    });
    report.row({
      section: 'scaling',
      metric: `cost per disk 100→1000 / 10→100 (${(perDiskLow * 1000).toFixed(1)} → ${(perDiskHigh * 1000).toFixed(1)} µs)`,
      value: diskGrowth,
      unit: '×',
      target: '≤ 1.5× (linear)',
      pass: diskGrowth <= 1.5,
    });
  } finally {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
}
