/**
 * The benchmark runner shared by the measurements (bench/parse.ts, cycle.ts,
 * scaling.ts, serving.ts, walk.ts, steady.ts): options, the report each measurement adds
 * its rows and details to, the table, and the run that calls the measurements
 * in order and writes bench/results.json. bench/run.ts only lists them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { projectRoot } from './support/root';

export interface Options {
  quick: boolean;
  durationS: number;
  connections: number;
  scrapes: number;
  nodeExporter: boolean;
  /** bench/steady.ts: seconds between scrapes (`--steady-period`, 15; 1 with --quick) and how many (`--steady-scrapes`, 6; 3). */
  steadyPeriodS: number;
  steadyScrapes: number;
  /** The measurements to run (`--only`), by name. */
  only: Set<string>;
  out: string;
}

/** One measurement: adds its rows (and details) to the report. */
export type Measurement = (options: Options, report: Report) => Promise<void>;

export function parseOptions(argv: readonly string[], sections: readonly string[]): Options {
  const o: Options = {
    quick: false,
    durationS: 10,
    connections: 8,
    scrapes: 10_000,
    nodeExporter: true,
    steadyPeriodS: 15,
    steadyScrapes: 6,
    only: new Set(sections),
    out: path.join(projectRoot, 'bench', 'results.json'),
  };
  let duration: number | undefined;
  let scrapes: number | undefined;
  let steadyPeriod: number | undefined;
  let steadyScrapes: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a}: missing value`);
      return v;
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--duration') duration = Number(value());
    else if (a === '--connections') o.connections = Number(value());
    else if (a === '--scrapes') scrapes = Number(value());
    else if (a === '--no-node-exporter') o.nodeExporter = false;
    else if (a === '--steady-period') steadyPeriod = Number(value());
    else if (a === '--steady-scrapes') steadyScrapes = Number(value());
    else if (a === '--out') o.out = path.resolve(value());
    else if (a === '--only') {
      const names = value().split(',');
      for (const n of names) if (!sections.includes(n)) throw new Error(`--only: unknown section ${n} (${sections.join(', ')})`);
      o.only = new Set(names);
    } else throw new Error(`unknown argument ${a}`);
  }
  o.durationS = duration ?? (o.quick ? 1 : 10);
  o.scrapes = scrapes ?? (o.quick ? 200 : 10_000);
  o.steadyPeriodS = steadyPeriod ?? (o.quick ? 1 : 15);
  o.steadyScrapes = steadyScrapes ?? (o.quick ? 3 : 6);
  return o;
}

export interface Row {
  section: string;
  metric: string;
  value: number | null;
  unit: string;
  /** Human-readable target, or '' for a figure shown for information. */
  target: string;
  pass?: boolean;
  /** Shown instead of the formatted value (autocannon's latencies are whole milliseconds: 0 is "< 1 ms"). */
  display?: string;
}

/** What one run measured: the table's rows, in order, and the details written to the results file. */
export class Report {
  readonly rows: Row[] = [];
  readonly details: Record<string, unknown> = {};

  row(r: Row): void {
    this.rows.push(r);
  }

  failed(): Row[] {
    return this.rows.filter((r) => r.pass === false);
  }

  printTable(): void {
    const verdict = (r: Row): string => (r.pass === undefined ? '' : r.pass ? 'ok' : 'MISS');
    const lines = this.rows.map((r) => [r.section, r.metric, r.display ?? fmt(r.value, r.unit), r.target, verdict(r)]);
    const header = ['section', 'metric', 'value', 'target', ''];
    const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
    const cellOf = (cell: string, c: number): string => (c === 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]));
    const show = (l: string[]): string => l.map(cellOf).join('  ').trimEnd();
    console.log('');
    console.log(show(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const l of lines) console.log(show(l));
  }
}

function fmt(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  return `${value.toFixed(digits)}${unit === '' ? '' : unit === '×' || unit === '%' ? unit : ` ${unit}`}`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)];
}

/** Progress and notes go to stderr; the table and the summary to stdout. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A forced GC between runs (node --expose-gc; a no-op without it). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** CPU milliseconds (user + system, all threads) per call of fn, over `count` calls. */
export async function cpuPerCall(fn: () => unknown, count: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) await fn();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000 / count;
}

export function machine(): Record<string, string | number> {
  let cpu = 'unknown';
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  } catch {
    // no cpuinfo
  }
  return { nproc: os.cpus().length, cpu, kernel: os.release(), node: process.version, memoryGB: Math.round(os.totalmem() / 1e9) };
}

/**
 * Runs the measurements `--only` selects (all by default), in the table's
 * order and in one process, so that ratios hold on a noisy machine; prints the
 * table with every figure beside its target and writes the results file.
 */
export async function runBench(argv: readonly string[], measurements: Record<string, Measurement>): Promise<{ rows: Row[]; file: string }> {
  const o = parseOptions(argv, Object.keys(measurements));
  if ((globalThis as { gc?: unknown }).gc === undefined) log('note: run with node --expose-gc for stable figures (npm run bench does)');
  const m = machine();
  log(`proc-exporter benchmark${o.quick ? ' (quick)' : ''}: ${m.nproc} × ${m.cpu}, Linux ${m.kernel}, Node ${m.node}`);
  const started = Date.now();
  const report = new Report();
  for (const [name, measure] of Object.entries(measurements)) if (o.only.has(name)) await measure(o, report);
  report.printTable();
  const failed = report.failed();
  const summary = failed.length === 0 ? 'every target met' : `${failed.length} target(s) missed`;
  console.log(`\n${m.nproc} × ${m.cpu}, Linux ${m.kernel}, Node ${m.node}; ${((Date.now() - started) / 1000).toFixed(0)} s; ${summary}`);
  const options = { ...o, only: [...o.only] };
  const result = { date: new Date().toISOString(), machine: m, options, rows: report.rows, details: report.details };
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  fs.writeFileSync(o.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`results: ${path.relative(process.cwd(), o.out) || o.out}`);
  return { rows: report.rows, file: o.out };
}
