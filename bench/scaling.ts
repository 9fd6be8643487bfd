/**
 * Figure 3, scaling: how the cost of the collectors grows with the work, on
 * synthetic trees in temporary directories, one dimension at a time, each
 * measured on the collectors that read it:
 *
 * - CPUs 2 → 512: cpu, stat, softirqs, softnet, schedstat (stat, softirqs,
 *   net/softnet_stat, schedstat for that many CPUs; cpuinfo is read only with
 *   the cpu collector's info on, off by default);
 * - disks 1 → 1,000: diskstats;
 * - socket rows 1k → 100k: tcpstat (half in net/tcp, half in net/tcp6) and
 *   udp_queues (net/udp, net/udp6);
 * - processes 100 → 10,000: process_groups (bench/process-groups.ts's groups,
 *   synthetic process directories);
 * - mounts 10 → 1,000: filesystem (a mountinfo of ext4 mounts on real
 *   directories of the tree, each statfs'd as the collector does).
 *
 * A cycle is what the scheduler does for those collectors: each run in turn
 * (read, parse, map; the reads of a cycle shared), then the exposition text
 * once. CPU time (user + system, every thread: the statfs workers count), the
 * median of rounds that visit every size in turn so that a load change hits
 * them alike. For each dimension: the cost at each size, the least-squares
 * slope (µs per unit) and the linearity check, the slope over the upper half
 * of the sizes against the lower half (target ≤ 1.5×). A full run writes the
 * figures to bench/scaling-results.json, which README's table is generated from.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { catalog } from '../collectors/index';
import { filesystems, type CycleReads, type Filesystems } from '../src/collector';
import { loadConfig } from '../src/config';
import { scheduledCollectors } from '../src/exporter/cli';
import { runCollector, type ScheduledCollector } from '../src/exporter/scheduler';
import { Snapshot, type CollectorRun } from '../src/exporter/snapshot';
import { ProcFs } from '../src/procfs';
import {
  generateDiskstats,
  generateExt4Mountinfo,
  generateSchedstat,
  generateSoftirqs,
  generateTcp6Table,
  generateTcpTable,
  generateUdpTable,
} from './generate';
import { benchGroupsCollector, writeBenchTree } from './process-groups';
import { collectGarbage, cpuPerCall, log, machine, median, sleep, type Options, type Report } from './runner';
import { benchEnv } from './support/collectors';
import { leastSquares, linearity, type Point } from './support/fit';
import { projectRoot } from './support/root';

/** The committed figures of the last full run (README's scaling table: scripts/readme.ts). */
export const SCALING_RESULTS = path.join(projectRoot, 'bench', 'scaling-results.json');

interface Dimension {
  /** What grows ("CPUs"), and one unit of it in the slope ("CPU", "1k rows"). */
  name: string;
  unit: string;
  /** Units of `n` in one unit of the slope (1000 for "1k rows"). */
  perUnit: number;
  sizes: number[];
  collectors: string[];
  /** A tree of size `n` and the cycle of the collectors on it. */
  setup(n: number, dir: string): () => Promise<void>;
}

export interface ScalingFigure {
  name: string;
  unit: string;
  collectors: string[];
  points: Point[];
  /** Least-squares µs per unit over every size, and ms at zero. */
  slopeUs: number;
  interceptMs: number;
  lowSlopeUs: number;
  highSlopeUs: number;
  /** highSlopeUs / lowSlopeUs (target ≤ 1.5). */
  linearity: number;
}

/** The scheduled collectors of these names, with their default options (disabled ones enabled). */
function collectorsNamed(names: readonly string[]): ScheduledCollector[] {
  const scheduled = scheduledCollectors(
    loadConfig(
      names.map((n) => `--collector.${n}`),
      catalog,
    ),
  );
  return names.map((n) => {
    const found = scheduled.find((c) => c.definition.name === n);
    if (found === undefined) throw new Error(`no collector ${n}`);
    return found;
  });
}

/** One cycle of `collectors` on `trees`, as the scheduler runs it; throws when one fails (a figure of an error path is no figure). */
function cycleOf(collectors: readonly ScheduledCollector[], trees: Filesystems): () => Promise<void> {
  const env = benchEnv();
  return async (): Promise<void> => {
    const reads: CycleReads = new Map();
    const runs: CollectorRun[] = [];
    for (const c of collectors) {
      const run = await runCollector(c, trees, env, reads).result;
      if (!run.success) throw new Error(`${run.collector} failed on ${trees.procfs.root}: ${run.error}`);
      runs.push(run);
    }
    new Snapshot(runs).text('text');
  };
}

function write(dir: string, name: string, text: string): void {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** stat of the live /proc rewritten for `cpus` CPUs (the first CPU's line repeated). */
function perCpuStat(cpus: number): string {
  const lines = fs.readFileSync('/proc/stat', 'utf8').split('\n');
  const cpu0 = lines.find((l) => l.startsWith('cpu0 '))!;
  const rest = lines.filter((l) => !/^cpu\d/.test(l));
  const total = rest.shift()!;
  return [total, ...Array.from({ length: cpus }, (_, c) => cpu0.replace(/^cpu0/, `cpu${c}`)), ...rest].join('\n');
}

/** The first CPU's line for each CPU, with its 13th column (the CPU's index since Linux 5.10) rewritten. */
function perCpuSoftnet(cpus: number): string {
  const first = fs.readFileSync('/proc/net/softnet_stat', 'utf8').split('\n')[0].split(' ');
  const line = (c: number): string => first.map((v, i) => (i === 12 ? c.toString(16).padStart(8, '0') : v)).join(' ');
  return `${Array.from({ length: cpus }, (_, c) => line(c)).join('\n')}\n`;
}

const procfsTrees = (dir: string): Filesystems => filesystems(new ProcFs(dir));

function dimensions(quick: boolean): Dimension[] {
  const sizes = (full: number[], small: number[]): number[] => (quick ? small : full);
  return [
    {
      name: 'CPUs',
      unit: 'CPU',
      perUnit: 1,
      sizes: sizes([2, 8, 32, 128, 512], [2, 4, 8]),
      collectors: ['cpu', 'stat', 'softirqs', 'softnet', 'schedstat'],
      setup(n, dir) {
        write(dir, 'stat', perCpuStat(n));
        write(dir, 'softirqs', generateSoftirqs(n));
        write(dir, 'net/softnet_stat', perCpuSoftnet(n));
        write(dir, 'schedstat', generateSchedstat(n));
        return cycleOf(collectorsNamed(this.collectors), procfsTrees(dir));
      },
    },
    {
      name: 'disks',
      unit: 'disk',
      perUnit: 1,
      sizes: sizes([1, 10, 30, 100, 300, 1000], [1, 5, 10]),
      collectors: ['diskstats'],
      setup(n, dir) {
        write(dir, 'diskstats', generateDiskstats(n));
        return cycleOf(collectorsNamed(this.collectors), procfsTrees(dir));
      },
    },
    {
      name: 'TCP socket rows',
      unit: '1k rows',
      perUnit: 1000,
      sizes: sizes([1000, 3000, 10_000, 30_000, 100_000], [100, 200, 400]),
      collectors: ['tcpstat'],
      setup(n, dir) {
        write(dir, 'net/tcp', generateTcpTable(Math.ceil(n / 2)));
        write(dir, 'net/tcp6', generateTcp6Table(Math.floor(n / 2)));
        return cycleOf(collectorsNamed(this.collectors), procfsTrees(dir));
      },
    },
    {
      name: 'UDP socket rows',
      unit: '1k rows',
      perUnit: 1000,
      sizes: sizes([1000, 3000, 10_000, 30_000, 100_000], [100, 200, 400]),
      collectors: ['udp_queues'],
      setup(n, dir) {
        write(dir, 'net/udp', generateUdpTable(Math.ceil(n / 2)));
        write(dir, 'net/udp6', generateUdpTable(Math.floor(n / 2), true));
        return cycleOf(collectorsNamed(this.collectors), procfsTrees(dir));
      },
    },
    {
      name: 'processes',
      unit: 'process',
      perUnit: 1,
      sizes: sizes([100, 300, 1000, 3000, 10_000], [10, 20, 40]),
      collectors: ['process_groups'],
      setup(n) {
        const root = writeBenchTree(n, 1);
        dirsToRemove.push(root);
        const procfs = new ProcFs(root);
        return cycleOf([benchGroupsCollector(false)], filesystems(procfs, procfs, new ProcFs(root)));
      },
    },
    {
      name: 'mounts',
      unit: 'mount',
      perUnit: 1,
      sizes: sizes([10, 30, 100, 300, 1000], [2, 5, 10]),
      collectors: ['filesystem'],
      setup(n, dir) {
        // Mount points /m/<i> under the tree, which is also the rootfs: each statfs hits a real directory.
        for (let i = 0; i < n; i++) fs.mkdirSync(path.join(dir, 'm', String(i)), { recursive: true });
        write(
          dir,
          '1/mountinfo',
          generateExt4Mountinfo(n, (i) => `/m/${i}`),
        );
        return cycleOf(collectorsNamed(this.collectors), filesystems(new ProcFs(dir), undefined, new ProcFs(dir)));
      },
    },
  ];
}

/** Trees a setup made outside its own directory (writeBenchTree's), removed with the others. */
const dirsToRemove: string[] = [];

/**
 * Cycles per sample: enough for ~`targetMs` of CPU, from a warm cycle's cost. The cycles before it warm the
 * code (up to 20, or until they have taken 200 ms): a cold cycle costs several times a warm one.
 */
async function cyclesFor(cycle: () => Promise<void>, targetMs: number): Promise<number> {
  let spent = 0;
  for (let i = 0; i < 20 && spent < 200; i++) spent += await cpuPerCall(cycle, 1);
  const once = await cpuPerCall(cycle, 1);
  return Math.max(1, Math.min(200, Math.ceil(targetMs / Math.max(once, 0.01))));
}

async function measureDimension(d: Dimension, o: Options): Promise<ScalingFigure> {
  const rounds = o.quick ? 1 : 5;
  const targetMs = o.quick ? 1 : 60;
  const dirs: string[] = [];
  try {
    const cycles = d.sizes.map((n) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-bench-scaling-'));
      dirs.push(dir);
      return d.setup(n, dir);
    });
    const counts: number[] = [];
    for (const cycle of cycles) counts.push(await cyclesFor(cycle, targetMs));
    const samples: number[][] = d.sizes.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (let s = 0; s < d.sizes.length; s++) {
        // The previous size's garbage is swept on V8's background threads, which process.cpuUsage counts:
        // a pause lets them finish before the next sample (the smallest size follows the largest). The
        // first cycles after it cost several times a warm one (1k TCP rows: ~33 ms against 7 ms), so a
        // few uncounted cycles come first: the figure is the warm cost per unit.
        collectGarbage();
        await sleep(100);
        for (let w = 0; w < Math.ceil(counts[s] / 4); w++) await cycles[s]();
        samples[s].push(await cpuPerCall(cycles[s], counts[s]));
      }
    }
    const points = d.sizes.map((n, s) => ({ n, ms: median(samples[s]) }));
    const units = points.map((p) => ({ n: p.n / d.perUnit, ms: p.ms }));
    const fit = leastSquares(units);
    const line = linearity(units);
    return {
      name: d.name,
      unit: d.unit,
      collectors: d.collectors,
      points,
      slopeUs: fit.slope * 1000,
      interceptMs: fit.intercept,
      lowSlopeUs: line.lowSlope * 1000,
      highSlopeUs: line.highSlope * 1000,
      linearity: line.ratio,
    };
  } finally {
    for (const dir of [...dirs, ...dirsToRemove.splice(0)]) fs.rmSync(dir, { recursive: true, force: true });
  }
}

const count = (n: number): string => n.toLocaleString('en-US');

export async function benchScaling(o: Options, report: Report): Promise<void> {
  const figures: ScalingFigure[] = [];
  for (const d of dimensions(o.quick)) {
    const f = await measureDimension(d, o);
    figures.push(f);
    const range = `${count(d.sizes[0])}–${count(d.sizes[d.sizes.length - 1])}`;
    log(
      `  scaling: ${d.name} (${d.collectors.join(', ')}): ${f.points.map((p) => `${count(p.n)} ${p.ms.toFixed(3)} ms`).join(', ')}; ` +
        `${f.slopeUs.toFixed(2)} µs per ${d.unit}, upper/lower half ${f.linearity.toFixed(2)}×`,
    );
    for (const p of f.points) {
      report.row({
        section: 'scaling',
        metric: `${d.collectors.join(', ')}: ${count(p.n)} ${d.name}`,
        value: p.ms,
        unit: 'ms',
        target: '',
      });
    }
    report.row({
      section: 'scaling',
      metric: `${d.name}: slope (least squares, ${range})`,
      value: f.slopeUs,
      unit: `µs/${d.unit}`,
      target: '',
    });
    report.row({
      section: 'scaling',
      metric: `${d.name}: cost per ${d.unit}, upper half / lower half (${f.lowSlopeUs.toFixed(2)} → ${f.highSlopeUs.toFixed(2)} µs)`,
      value: f.linearity,
      unit: '×',
      target: '≤ 1.5× (linear)',
      // A --quick run's sizes are too small for the check to mean anything.
      pass: o.quick ? undefined : f.linearity <= 1.5,
    });
  }
  report.details.scaling = figures;
  if (!o.quick) {
    const command = `npm run bench${o.only.size === 1 ? ' -- --only scaling' : ''}`;
    const results = { date: new Date().toISOString(), machine: machine(), command, figures };
    fs.writeFileSync(SCALING_RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    log(`  scaling: figures written to ${path.relative(process.cwd(), SCALING_RESULTS)}`);
  }
}
