/**
 * The performance benchmark suite (issue 8): `npm run bench` (add `-- --quick`
 * for a smoke run with tiny sizes). Everything is measured in ONE run so that
 * ratios hold on a noisy machine; prints a table with every figure beside its
 * target and writes bench/results.json.
 *
 *   node --expose-gc dist/bench/run.js [--quick] [--duration 10] [--connections 8]
 *     [--scrapes 10000] [--no-node-exporter] [--only parse,cycle,scaling,serving,walk] [--out FILE]
 *
 * 1. parse    — throughput of the hot handlers on large inputs in the kernel's
 *               exact formats (bench/generate.ts), and parse time / time to read
 *               the same bytes from the live /proc file (scaled by size).
 * 2. cycle    — CPU per collection cycle of the default collectors (read, parse,
 *               map, serialize once) against reading the same files alone (the floor).
 * 3. scaling  — cycle CPU on synthetic procfs trees with 1/64/256 CPUs and
 *               10/100/1,000 disks: the cost per CPU / per disk must not grow.
 * 4. serving  — autocannon on 127.0.0.1 against /metrics of a child exporter (and of
 *               prometheus-node-exporter with the equivalent collectors, when installed).
 * 5. memory   — RSS (/proc/<pid>/status VmRSS) and heap after a forced GC of the child
 *               exporter after start, after the 1,000th and the 10,000th scrape.
 * 6. walk     — the process walker over this machine's /proc (µs per process).
 *
 * Only loopback is used; every child process started here is stopped by its pid.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import pino from 'pino';
import { applyCollector, type CollectorInput } from '../src/collector';
import { catalog } from '../collectors/index';
import { loadConfig } from '../src/config';
import { scheduledCollectors } from '../src/exporter/cli';
import { Scheduler } from '../src/exporter/scheduler';
import { Snapshot, type CollectorRun } from '../src/exporter/snapshot';
import { ProcFs } from '../src/procfs';
import { walkProcesses } from '../src/processes';
import { getHandler } from '../src/registry';
import { generateDiskstats, generateInterrupts, generateMountinfo, generateSmaps, generateSoftirqs, generateTcpTable } from './generate';
import type { ProbeReport } from './probe';
import { projectRoot } from '../test/support/fixtures';

// ---- options ------------------------------------------------------------------------------

const SECTIONS = ['parse', 'cycle', 'scaling', 'serving', 'walk'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  quick: boolean;
  durationS: number;
  connections: number;
  scrapes: number;
  nodeExporter: boolean;
  only: Set<Section>;
  out: string;
}

const ROOT = projectRoot;
/** Running from TypeScript under tsx (the mocha smoke test) rather than from dist/. */
const FROM_SOURCE = __filename.endsWith('.ts');

export function parseOptions(argv: readonly string[]): Options {
  const o: Options = {
    quick: false,
    durationS: 10,
    connections: 8,
    scrapes: 10_000,
    nodeExporter: true,
    only: new Set(SECTIONS),
    out: path.join(ROOT, 'bench', 'results.json'),
  };
  let duration: number | undefined;
  let scrapes: number | undefined;
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
    else if (a === '--out') o.out = path.resolve(value());
    else if (a === '--only') {
      const names = value().split(',');
      for (const n of names) if (!(SECTIONS as readonly string[]).includes(n)) throw new Error(`--only: unknown section ${n} (${SECTIONS.join(', ')})`);
      o.only = new Set(names as Section[]);
    } else throw new Error(`unknown argument ${a}`);
  }
  o.durationS = duration ?? (o.quick ? 1 : 10);
  o.scrapes = scrapes ?? (o.quick ? 200 : 10_000);
  return o;
}

// ---- results ------------------------------------------------------------------------------

interface Row {
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

const rows: Row[] = [];
const details: Record<string, unknown> = {};

function row(r: Row): void {
  rows.push(r);
}

function fmt(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  return `${value.toFixed(digits)}${unit === '' ? '' : unit === '×' || unit === '%' ? unit : ` ${unit}`}`;
}

function printTable(): void {
  const lines = rows.map((r) => [r.section, r.metric, r.display ?? fmt(r.value, r.unit), r.target, r.pass === undefined ? '' : r.pass ? 'ok' : 'MISS']);
  const header = ['section', 'metric', 'value', 'target', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const show = (l: string[]): string => l.map((cell, c) => (c === 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  console.log('');
  console.log(show(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(show(l));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)];
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

// ---- 1. parse throughput ------------------------------------------------------------------

/** Reads a file's bytes (no decoding): what the kernel takes to produce them, plus the syscalls. */
const readBuffer = Buffer.allocUnsafe(64 * 1024 * 1024);
function readBytes(file: string): number {
  const fd = fs.openSync(file, 'r');
  try {
    let total = 0;
    for (;;) {
      const n = fs.readSync(fd, readBuffer, total, Math.min(readBuffer.length - total, 1024 * 1024), null);
      if (n === 0) return total;
      total += n;
      if (total >= readBuffer.length) return total;
    }
  } finally {
    fs.closeSync(fd);
  }
}

async function openConnections(count: number): Promise<{ sockets: net.Socket[]; server?: net.Server }> {
  if (count <= 0) return { sockets: [] };
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => sockets.push(s));
  server.on('error', (error) => log(`loopback server: ${error.message}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  for (let i = 0; i < count; i++) {
    try {
      const s = net.connect(port, '127.0.0.1');
      await new Promise<void>((resolve, reject) => {
        s.once('connect', resolve);
        s.once('error', reject);
      });
      sockets.push(s);
    } catch (error) {
      log(`stopped opening connections at ${i}: ${(error as Error).message}`);
      break;
    }
  }
  return { sockets, server };
}

interface ParseCase {
  handler: string;
  label: string;
  text: string;
  live?: string;
  /** Target on the parse / kernel ratio (issue 8: kallsyms and net/tcp). */
  ratioTarget?: number;
}

async function benchParse(o: Options): Promise<void> {
  log('parse: generating inputs…');
  const kallsymsText = fs.readFileSync(path.join(ROOT, 'fixtures', 'proc', 'kallsyms'), 'utf8');
  const kallsyms = o.quick ? kallsymsText.split('\n').slice(0, 5000).join('\n') + '\n' : kallsymsText;
  const kallsymsLines = kallsyms.split('\n').length - 1;
  const n = o.quick
    ? { tcp: 2000, smaps: 200, mounts: 200, cpus: 16, disks: 50, connections: 100 }
    : { tcp: 100_000, smaps: 5000, mounts: 5000, cpus: 256, disks: 1000, connections: 4000 };
  const cases: ParseCase[] = [
    { handler: 'kallsyms', label: `kallsyms (${kallsymsLines} lines)`, text: kallsyms, live: '/proc/kallsyms', ratioTarget: 1 },
    { handler: 'net/tcp', label: `net/tcp (${n.tcp} rows)`, text: generateTcpTable(n.tcp), live: '/proc/net/tcp', ratioTarget: 1 },
    { handler: 'pid/smaps', label: `smaps (${n.smaps} mappings)`, text: generateSmaps(n.smaps), live: '/proc/self/smaps' },
    { handler: 'pid/mountinfo', label: `mountinfo (${n.mounts} mounts)`, text: generateMountinfo(n.mounts), live: '/proc/self/mountinfo' },
    { handler: 'interrupts', label: `interrupts (${n.cpus} CPUs)`, text: generateInterrupts(n.cpus), live: '/proc/interrupts' },
    { handler: 'softirqs', label: `softirqs (${n.cpus} CPUs)`, text: generateSoftirqs(n.cpus), live: '/proc/softirqs' },
    { handler: 'diskstats', label: `diskstats (${n.disks} devices)`, text: generateDiskstats(n.disks), live: '/proc/diskstats' },
  ];
  // Loopback connections make the live /proc/net/tcp long enough to time per byte.
  const { sockets, server } = await openConnections(n.connections);
  const out: Record<string, unknown>[] = [];
  try {
    for (const c of cases) {
      const handler = getHandler(c.handler);
      if (!handler) throw new Error(`unknown handler ${c.handler}`);
      const bytes = Buffer.byteLength(c.text);
      const repeat = o.quick ? 3 : bytes > 2_000_000 ? 9 : 15;
      let records = handler.parse(c.text, c.handler).length; // warm-up (and a check that it parses)
      const live = c.live !== undefined && fs.existsSync(c.live) ? c.live : undefined;
      if (live !== undefined) readBytes(live);
      // Parse runs and live reads alternate, so that a load change on the machine hits both alike.
      const times: number[] = [];
      const reads: number[] = [];
      let liveBytes: number | undefined;
      for (let r = 0; r < repeat; r++) {
        // Each run starts from a clean heap: the previous run's records are not collected on this one's time.
        collectGarbage();
        const start = performance.now();
        records = handler.parse(c.text, c.handler).length;
        times.push(performance.now() - start);
        if (live === undefined) continue;
        for (let k = 0; k < 3; k++) {
          const readStart = performance.now();
          liveBytes = readBytes(live);
          reads.push(performance.now() - readStart);
        }
      }
      const parseMs = median(times);
      const mbs = bytes / 1e6 / (parseMs / 1000);
      const readMs = live === undefined ? undefined : median(reads);
      const scaledMs = readMs !== undefined && liveBytes! > 0 ? (readMs * bytes) / liveBytes! : undefined;
      const ratio = scaledMs === undefined ? null : parseMs / scaledMs;
      out.push({ handler: c.handler, bytes, records, parseMs, times, mbPerS: mbs, live: c.live, liveBytes, liveReadMs: readMs, scaledReadMs: scaledMs, ratio });
      log(
        `  ${c.label}: ${(bytes / 1e6).toFixed(2)} MB, ${records} records, parse ${parseMs.toFixed(2)} ms (${mbs.toFixed(0)} MB/s)` +
          (readMs !== undefined ? `; live ${c.live} ${liveBytes} B read in ${readMs.toFixed(3)} ms → ${scaledMs!.toFixed(2)} ms scaled` : ''),
      );
      row({ section: 'parse', metric: `${c.label}: throughput`, value: mbs, unit: 'MB/s', target: '' });
      row({
        section: 'parse',
        metric: `${c.label}: parse / kernel read`,
        value: ratio,
        unit: '×',
        target: c.ratioTarget === undefined ? '' : `≤ ${c.ratioTarget.toFixed(1)}×`,
        pass: c.ratioTarget === undefined || ratio === null ? undefined : ratio <= c.ratioTarget,
      });
    }
  } finally {
    for (const s of sockets) s.resetAndDestroy();
    server?.close();
  }
  details.parse = out;
}

// ---- 2. collection cycle ------------------------------------------------------------------

const silent = pino({ level: 'silent' });
const ENV = { pageSize: 4096 };

function defaultCollectors(procfsRoot?: string) {
  const argv = procfsRoot === undefined ? [] : [`--path.procfs=${procfsRoot}`];
  const config = loadConfig(argv, catalog);
  return { config, scheduled: scheduledCollectors(config) };
}

/** CPU milliseconds (user + system, all threads) per call of fn, over `count` calls. */
async function cpuPerCall(fn: () => unknown, count: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) await fn();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000 / count;
}

async function benchCycle(o: Options): Promise<void> {
  const { config, scheduled } = defaultCollectors();
  const procfs = new ProcFs(config.procfs);
  const scheduler = new Scheduler({ collectors: scheduled, procfs, env: ENV, logger: silent });
  const reads = new Map<string, string>();
  for (const c of scheduled) for (const name of Object.keys(c.definition.reads)) if (procfs.exists(name)) reads.set(name, procfs.resolve(name));
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
      families: applyCollector(c.definition, parsed, c.options, ENV),
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
  const series = new Snapshot(families).text('text').split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;
  log(
    `  cycle ${cycleMs.toFixed(3)} ms CPU, floor ${floorMs.toFixed(3)} ms, ratio ${ratio.toFixed(2)}× (rounds: ${ratios.map((x) => x.toFixed(2)).join(', ')}); ` +
      `stages: ${Object.entries(stageMs).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')} ms; ${series} series`,
  );
  details.cycle = { collectors: scheduled.map((c) => c.definition.name), files: [...reads.keys()], cycleMs, floorMs, ratio, ratios, stagesMs: stageMs, series };
  row({ section: 'cycle', metric: `default collectors: CPU per cycle (${series} series)`, value: cycleMs, unit: 'ms', target: '' });
  row({ section: 'cycle', metric: `floor: readFileSync of the same ${files.length} files`, value: floorMs, unit: 'ms', target: '' });
  row({ section: 'cycle', metric: 'cycle CPU / floor', value: ratio, unit: '×', target: '≤ 2.5×', pass: ratio <= 2.5 });
  for (const [k, v] of Object.entries(stageMs)) row({ section: 'cycle', metric: `  stage: ${k}`, value: v, unit: 'ms', target: '' });
}

// ---- 3. scaling ---------------------------------------------------------------------------

/** Files the default collectors read that exist under /proc (relative names). */
function defaultFiles(): string[] {
  const procfs = new ProcFs('/proc');
  const names = new Set<string>();
  for (const c of defaultCollectors().scheduled) for (const name of Object.keys(c.definition.reads)) if (procfs.exists(name)) names.add(name);
  return [...names];
}

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
export function makeTree(cpus: number, disks: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-bench-'));
  for (const name of defaultFiles()) {
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const text = name === 'diskstats' ? generateDiskstats(disks) : perCpuFile(name, cpus) ?? fs.readFileSync(path.join('/proc', name), 'utf8');
    fs.writeFileSync(target, text);
  }
  return dir;
}

/** A scheduler of the default collectors on `dir` and one cycle of it (collect, publish, serialize). */
function cycleOn(dir: string): () => Promise<void> {
  const { scheduled } = defaultCollectors(dir);
  const scheduler = new Scheduler({ collectors: scheduled, procfs: new ProcFs(dir), env: ENV, logger: silent });
  return async (): Promise<void> => {
    const snapshot = await scheduler.runOnce();
    for (const name of ['diskstats', 'softirqs']) {
      const run = snapshot.run(name);
      if (run !== undefined && !run.success) throw new Error(`${name} failed on ${dir}: ${run.error}`);
    }
    snapshot.text('text');
  };
}

async function benchScaling(o: Options): Promise<void> {
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
    details.scaling = { cpuMs: cpu, diskMs: disk, perCpuLowUs: perCpuLow * 1000, perCpuHighUs: perCpuHigh * 1000, perDiskLowUs: perDiskLow * 1000, perDiskHighUs: perDiskHigh * 1000 };
    for (const [k, v] of Object.entries(cpu)) row({ section: 'scaling', metric: `cycle CPU, ${k} CPUs (10 disks)`, value: v, unit: 'ms', target: '' });
    for (const [k, v] of Object.entries(disk)) if (k !== '10') row({ section: 'scaling', metric: `cycle CPU, ${k} disks (1 CPU)`, value: v, unit: 'ms', target: '' });
    const cpuGrowth = perCpuHigh / perCpuLow;
    const diskGrowth = perDiskHigh / perDiskLow;
    row({
      section: 'scaling',
      metric: `cost per CPU 64→256 / 1→64 (${(perCpuLow * 1000).toFixed(1)} → ${(perCpuHigh * 1000).toFixed(1)} µs)`,
      value: cpuGrowth,
      unit: '×',
      target: '≤ 1.5× (linear)',
      pass: cpuGrowth <= 1.5,
    });
    row({
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

// ---- 4/5. serving and memory --------------------------------------------------------------

function vmRssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return m ? Number(m[1]) : NaN;
}

/** utime + stime of a process, in milliseconds. */
function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(f[11]) + Number(f[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${url}: timed out`)));
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if ((await get(url)).status === 200) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${ms} ms`);
    await sleep(100);
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

interface OurExporter {
  child: ChildProcess;
  url: string;
  report(): Promise<ProbeReport>;
  reset(): Promise<void>;
}

/**
 * The node flags the image runs the exporter with (Dockerfile ENTRYPOINT, between
 * "node" and main.js): the benchmark measures the exporter as it is shipped.
 */
export function imageNodeFlags(): string[] {
  try {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const entrypoints = [...dockerfile.matchAll(/^ENTRYPOINT\s+(\[.*\])\s*$/gm)];
    const argv = JSON.parse(entrypoints[entrypoints.length - 1][1]) as string[];
    const main = argv.findIndex((a) => a.endsWith('main.js'));
    return argv[0] === 'node' && main > 0 ? argv.slice(1, main) : [];
  } catch {
    return [];
  }
}

function startOurExporter(v8Flags: readonly string[] = imageNodeFlags()): Promise<OurExporter> {
  const main = FROM_SOURCE ? path.join(ROOT, 'src', 'exporter', 'main.ts') : path.join(ROOT, 'dist', 'src', 'exporter', 'main.js');
  const probe = FROM_SOURCE ? path.join(ROOT, 'bench', 'probe.ts') : path.join(ROOT, 'dist', 'bench', 'probe.js');
  const nodeArgs = [...v8Flags, '--expose-gc', ...(FROM_SOURCE ? ['--require', 'tsx/cjs'] : []), '--require', probe];
  const child = spawn(process.execPath, [...nodeArgs, main, '--web.listen-address=127.0.0.1:0'], {
    cwd: ROOT,
    env: { ...process.env, PROC_EXPORTER_PAGE_SIZE: '4096' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const ask = <T>(cmd: string, key: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`probe: no answer to ${cmd}`)), 10_000);
      const onMessage = (m: Record<string, unknown>): void => {
        if (!(key in m)) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m[key] as T);
      };
      child.on('message', onMessage);
      child.send({ cmd });
    });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`exporter did not start: ${stderr.slice(0, 2000)}`));
    }, 30_000);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      for (const line of stderr.split('\n')) {
        if (!line.includes('"listening"')) continue;
        try {
          const record = JSON.parse(line) as { address?: string };
          if (record.address === undefined) continue;
          clearTimeout(timer);
          stderr = '';
          resolve({
            child,
            url: `http://${record.address}`,
            report: () => ask<ProbeReport>('report', 'report'),
            reset: () => ask<boolean>('reset', 'reset').then(() => undefined),
          });
          return;
        } catch {
          // a partial line
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exporter exited (${code}): ${stderr.slice(0, 2000)}`));
    });
  });
}

interface LoadResult {
  requestsPerS: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  errors: number;
  non2xx: number;
  bytesPerS: number;
}

function autocannon(url: string, connections: number, durationS: number): Promise<LoadResult> {
  const bin = path.join(ROOT, 'node_modules', 'autocannon', 'autocannon.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '-c', String(connections), '-d', String(durationS), '-j', url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        const r = JSON.parse(stdout) as {
          requests: { average: number; total: number };
          latency: { p50: number; p99: number; max: number };
          throughput: { average: number };
          errors: number;
          timeouts: number;
          non2xx: number;
        };
        resolve({
          requestsPerS: r.requests.average,
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          maxMs: r.latency.max,
          requests: r.requests.total,
          errors: r.errors + r.timeouts,
          non2xx: r.non2xx,
          bytesPerS: r.throughput.average,
        });
      } catch {
        reject(new Error(`autocannon exited ${code}: ${stderr.slice(0, 500)}`));
      }
    });
  });
}

/** `count` sequential-ish scrapes (4 at a time) of url; calls `at(n)` after scrape n for each n in marks. */
async function scrapeMany(url: string, count: number, marks: readonly number[], at: (n: number) => Promise<void>): Promise<void> {
  let done = 0;
  const sorted = [...marks].sort((a, b) => a - b);
  while (done < count) {
    const nextMark = sorted.find((m) => m > done) ?? count;
    const batchEnd = Math.min(nextMark, count);
    let issued = done;
    const worker = async (): Promise<void> => {
      while (issued < batchEnd) {
        issued++;
        const r = await get(url);
        if (r.status !== 200) throw new Error(`GET ${url}: ${r.status}`);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    done = batchEnd;
    if (sorted.includes(done)) await at(done);
  }
}

function nodeExporterBinary(): string | undefined {
  for (const candidate of ['/usr/bin/prometheus-node-exporter', '/usr/local/bin/node_exporter', '/usr/bin/node_exporter']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** node_exporter flags for the collectors (and options) our default config enables. */
function nodeExporterFlags(binary: string): { flags: string[]; missing: string[]; version: string } {
  const help = spawnSync(binary, ['--help'], { encoding: 'utf8' });
  const text = `${help.stdout}${help.stderr}`;
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const { scheduled } = defaultCollectors();
  const flags = ['--collector.disable-defaults'];
  const missing: string[] = [];
  for (const c of scheduled) {
    const name = c.definition.name;
    if (!text.includes(`--collector.${name} `)) {
      missing.push(name);
      continue;
    }
    flags.push(`--collector.${name}`);
    for (const [option, value] of Object.entries(c.options)) {
      const flag = `--collector.${name}.${option.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}`;
      if (typeof value === 'string' && value !== '' && text.includes(flag)) flags.push(`${flag}=${value}`);
    }
  }
  return { flags, missing, version: `${version.stdout}${version.stderr}`.split('\n')[0] };
}

async function benchServing(o: Options): Promise<void> {
  // ---- our exporter: memory under sequential scrapes, then load.
  log(`serving: starting the exporter…`);
  const ours = await startOurExporter();
  const pid = ours.child.pid!;
  let oursLoad: LoadResult | undefined;
  let oursCpuPerRequest = NaN;
  let eventLoopMaxMs = NaN;
  let eventLoopP99Ms = NaN;
  try {
    await waitFor(`${ours.url}/healthz`, 30_000);
    const metricsUrl = `${ours.url}/metrics`;
    const bytes = Buffer.byteLength((await get(metricsUrl)).body);
    await sleep(1000);
    const rssStart = vmRssKb(pid);
    const heapStart = (await ours.report()).heapUsedBytes;
    const mark1 = Math.max(1, Math.round(o.scrapes / 10));
    const memory: Record<number, { rssKb: number; heapBytes: number; heapTotalBytes: number; externalBytes: number }> = {};
    log(`  ${o.scrapes} scrapes of ${bytes} bytes (RSS at start ${(rssStart / 1024).toFixed(1)} MB)…`);
    const started = performance.now();
    await scrapeMany(metricsUrl, o.scrapes, [mark1, o.scrapes], async (n) => {
      const report = await ours.report();
      memory[n] = { rssKb: vmRssKb(pid), heapBytes: report.heapUsedBytes, heapTotalBytes: report.heapTotalBytes, externalBytes: report.externalBytes };
      log(
        `  after ${n} scrapes: RSS ${(memory[n].rssKb / 1024).toFixed(1)} MB, heap after GC ${(report.heapUsedBytes / 1048576).toFixed(1)} MB` +
          ` (V8 heap total ${(report.heapTotalBytes / 1048576).toFixed(1)} MB, external ${(report.externalBytes / 1048576).toFixed(1)} MB)`,
      );
    });
    const scrapeS = (performance.now() - started) / 1000;
    const rssEnd = memory[o.scrapes].rssKb;
    const rssGrowth = ((rssEnd - memory[mark1].rssKb) / memory[mark1].rssKb) * 100;
    const heapGrowth = ((memory[o.scrapes].heapBytes - memory[mark1].heapBytes) / memory[mark1].heapBytes) * 100;
    details.memory = { rssStartKb: rssStart, heapStartBytes: heapStart, marks: memory, scrapes: o.scrapes, scrapeSeconds: scrapeS, metricsBytes: bytes };

    // ---- load
    log(`  autocannon: ${o.connections} connections, ${o.durationS} s against ${metricsUrl}…`);
    await ours.reset();
    const cpuBefore = cpuMsOf(pid);
    oursLoad = await autocannon(metricsUrl, o.connections, o.durationS);
    oursCpuPerRequest = (cpuMsOf(pid) - cpuBefore) / Math.max(oursLoad.requests, 1);
    const after = await ours.report();
    eventLoopMaxMs = after.eventLoopMaxMs;
    eventLoopP99Ms = after.eventLoopP99Ms;
    const rssAfterLoad = vmRssKb(pid);
    log(`  ours: ${oursLoad.requestsPerS.toFixed(0)} req/s, p50 ${oursLoad.p50Ms} ms, p99 ${oursLoad.p99Ms} ms, event loop max ${eventLoopMaxMs.toFixed(1)} ms`);
    details.serving = { ours: { ...oursLoad, cpuMsPerRequest: oursCpuPerRequest, eventLoopMaxMs, eventLoopP99Ms, rssAfterLoadKb: rssAfterLoad, metricsBytes: bytes } };

    row({ section: 'memory', metric: `RSS after start (node ${imageNodeFlags().join(' ') || 'defaults'}, as the image runs it)`, value: rssStart / 1024, unit: 'MB', target: '' });
    row({ section: 'memory', metric: `RSS after ${o.scrapes} scrapes`, value: rssEnd / 1024, unit: 'MB', target: '≤ 80 MB', pass: rssEnd / 1024 <= 80 });
    row({ section: 'memory', metric: `RSS growth, scrape ${mark1} → ${o.scrapes}`, value: rssGrowth, unit: '%', target: '< 5%', pass: rssGrowth < 5 });
    row({ section: 'memory', metric: `heap used after GC: start / ${mark1} / ${o.scrapes}`, value: memory[o.scrapes].heapBytes / 1048576, unit: 'MB', target: '' });
    rows[rows.length - 1].metric += ` (${(heapStart / 1048576).toFixed(1)} / ${(memory[mark1].heapBytes / 1048576).toFixed(1)} / …)`;
    row({ section: 'memory', metric: `heap growth after GC, scrape ${mark1} → ${o.scrapes}`, value: heapGrowth, unit: '%', target: '< 5%', pass: heapGrowth < 5 });
    row({ section: 'memory', metric: `RSS after the ${o.durationS} s load`, value: rssAfterLoad / 1024, unit: 'MB', target: '≤ 80 MB', pass: rssAfterLoad / 1024 <= 80 });
  } finally {
    await stopChild(ours.child);
  }
  if (oursLoad === undefined) throw new Error('the load run did not complete');

  // The same scrapes with node's default heap settings, for comparison (not a target).
  if (imageNodeFlags().length > 0) {
    const plain = await startOurExporter([]);
    try {
      await waitFor(`${plain.url}/healthz`, 30_000);
      await scrapeMany(`${plain.url}/metrics`, o.scrapes, [o.scrapes], async () => undefined);
      const rss = vmRssKb(plain.child.pid!);
      log(`  with node's default heap flags: RSS ${(rss / 1024).toFixed(1)} MB after ${o.scrapes} scrapes`);
      (details.memory as Record<string, unknown>).defaultFlagsRssKb = rss;
      row({ section: 'memory', metric: `RSS after ${o.scrapes} scrapes, node's default heap flags`, value: rss / 1024, unit: 'MB', target: '' });
    } finally {
      await stopChild(plain.child);
    }
  }

  row({ section: 'serving', metric: `proc-exporter: requests/s (${o.connections} conn.)`, value: oursLoad.requestsPerS, unit: 'req/s', target: '' });
  row({ section: 'serving', metric: 'proc-exporter: latency p50', value: oursLoad.p50Ms, unit: 'ms', target: '', display: oursLoad.p50Ms === 0 ? '< 1 ms' : undefined });
  row({ section: 'serving', metric: 'proc-exporter: latency p99', value: oursLoad.p99Ms, unit: 'ms', target: '≤ 10 ms', pass: oursLoad.p99Ms <= 10 });
  row({ section: 'serving', metric: 'proc-exporter: max event-loop delay', value: eventLoopMaxMs, unit: 'ms', target: '≤ 20 ms', pass: eventLoopMaxMs <= 20 });
  row({ section: 'serving', metric: 'proc-exporter: CPU per request', value: oursCpuPerRequest, unit: 'ms', target: '' });
  if (oursLoad.errors + oursLoad.non2xx > 0) log(`  WARNING: ${oursLoad.errors} errors, ${oursLoad.non2xx} non-2xx answers`);

  // ---- node_exporter
  const binary = o.nodeExporter ? nodeExporterBinary() : undefined;
  if (binary === undefined) {
    if (o.nodeExporter) {
      log('prometheus-node-exporter is not installed: to compare against it, install it (Debian/Ubuntu: `sudo apt-get install prometheus-node-exporter`) and run again.');
    }
    row({ section: 'serving', metric: 'node_exporter: not run (apt-get install prometheus-node-exporter)', value: null, unit: '', target: '' });
    row({ section: 'serving', metric: 'requests/s: proc-exporter / node_exporter', value: null, unit: '×', target: '≥ 5×' });
    return;
  }
  const { flags, missing, version } = nodeExporterFlags(binary);
  const port = await freePort();
  const args = [`--web.listen-address=127.0.0.1:${port}`, `--path.procfs=${defaultCollectors().config.procfs}`, ...flags];
  log(`node_exporter: ${version}; ${binary} ${args.join(' ')}${missing.length > 0 ? ` (no equivalent for: ${missing.join(', ')})` : ''}`);
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let neStderr = '';
  child.stderr!.on('data', (c: Buffer) => (neStderr = (neStderr + c.toString()).slice(-4000)));
  try {
    const url = `http://127.0.0.1:${port}/metrics`;
    await waitFor(url, 15_000).catch((error: Error) => {
      throw new Error(`${error.message}; node_exporter said: ${neStderr.slice(-500)}`);
    });
    const body = (await get(url)).body;
    let collectorSeconds = 0;
    for (const m of body.matchAll(/^node_scrape_collector_duration_seconds\{[^}]*\} (\S+)$/gm)) collectorSeconds += Number(m[1]);
    await sleep(500);
    const rssStart = vmRssKb(child.pid!);
    const cpuBefore = cpuMsOf(child.pid!);
    const load = await autocannon(url, o.connections, o.durationS);
    const cpuPerRequest = (cpuMsOf(child.pid!) - cpuBefore) / Math.max(load.requests, 1);
    const rssAfter = vmRssKb(child.pid!);
    const ratio = oursLoad.requestsPerS / load.requestsPerS;
    log(`  node_exporter: ${load.requestsPerS.toFixed(0)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms; RSS ${(rssStart / 1024).toFixed(1)} → ${(rssAfter / 1024).toFixed(1)} MB`);
    details.serving = {
      ...(details.serving as object),
      nodeExporter: { version, args, missing, ...load, cpuMsPerRequest: cpuPerRequest, rssStartKb: rssStart, rssAfterLoadKb: rssAfter, collectorSeconds, metricsBytes: Buffer.byteLength(body) },
      ratio,
    };
    row({ section: 'serving', metric: `node_exporter ${version.replace(/^node_exporter, version /, '').split(' ')[0]}: requests/s`, value: load.requestsPerS, unit: 'req/s', target: '' });
    row({ section: 'serving', metric: `node_exporter: latency p99 (p50 ${load.p50Ms} ms)`, value: load.p99Ms, unit: 'ms', target: '' });
    row({ section: 'serving', metric: 'node_exporter: CPU per request', value: cpuPerRequest, unit: 'ms', target: '' });
    row({ section: 'serving', metric: 'node_exporter: collector time per scrape', value: collectorSeconds * 1000, unit: 'ms', target: '' });
    row({ section: 'serving', metric: `node_exporter: RSS after load (start ${(rssStart / 1024).toFixed(1)} MB)`, value: rssAfter / 1024, unit: 'MB', target: '' });
    row({
      section: 'serving',
      metric: `requests/s: proc-exporter / node_exporter${missing.length > 0 ? ` (ours also runs ${missing.join(', ')})` : ''}`,
      value: ratio,
      unit: '×',
      target: '≥ 5×',
      pass: ratio >= 5,
    });
  } finally {
    await stopChild(child);
  }
}

// ---- 6. process walk ----------------------------------------------------------------------

async function benchWalk(o: Options): Promise<void> {
  const files = ['pid/stat', 'pid/status', 'pid/statm', 'pid/io', 'pid/cmdline', 'pid/limits', 'pid/schedstat'].filter((f) => getHandler(f) !== undefined);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const perProcess: number[] = [];
  let walked = 0;
  delay.enable();
  for (let r = 0; r < (o.quick ? 1 : 5); r++) {
    let count = 0;
    const started = performance.now();
    for await (const _record of walkProcesses({ procfs: new ProcFs('/proc'), files })) count++;
    perProcess.push(((performance.now() - started) * 1000) / Math.max(count, 1));
    walked = count;
  }
  delay.disable();
  const us = median(perProcess);
  log(`walk: ${walked} processes × ${files.length} files: ${us.toFixed(1)} µs per process; event loop max ${(delay.max / 1e6).toFixed(1)} ms`);
  details.walk = { files, processes: walked, usPerProcess: us, eventLoopMaxMs: delay.max / 1e6 };
  row({ section: 'walk', metric: `process walk (${walked} processes, ${files.length} files each)`, value: us, unit: 'µs/proc', target: '' });
  row({ section: 'walk', metric: 'process walk: max event-loop delay', value: delay.max / 1e6, unit: 'ms', target: '≤ 20 ms', pass: delay.max / 1e6 <= 20 });
}

// ---- main ---------------------------------------------------------------------------------

function machine(): Record<string, string | number> {
  let cpu = 'unknown';
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  } catch {
    // no cpuinfo
  }
  return { nproc: os.cpus().length, cpu, kernel: os.release(), node: process.version, memoryGB: Math.round(os.totalmem() / 1e9) };
}

export async function run(argv: readonly string[]): Promise<{ rows: Row[]; file: string }> {
  const o = parseOptions(argv);
  if ((globalThis as { gc?: unknown }).gc === undefined) log('note: run with node --expose-gc for stable figures (npm run bench does)');
  const m = machine();
  log(`proc-exporter benchmark${o.quick ? ' (quick)' : ''}: ${m.nproc} × ${m.cpu}, Linux ${m.kernel}, Node ${m.node}`);
  const started = Date.now();
  if (o.only.has('parse')) await benchParse(o);
  if (o.only.has('cycle')) await benchCycle(o);
  if (o.only.has('scaling')) await benchScaling(o);
  if (o.only.has('serving')) await benchServing(o);
  if (o.only.has('walk')) await benchWalk(o);
  printTable();
  const failed = rows.filter((r) => r.pass === false);
  console.log(`\n${m.nproc} × ${m.cpu}, Linux ${m.kernel}, Node ${m.node}; ${((Date.now() - started) / 1000).toFixed(0)} s; ${failed.length === 0 ? 'every target met' : `${failed.length} target(s) missed`}`);
  const result = { date: new Date().toISOString(), machine: m, options: { ...o, only: [...o.only] }, rows, details };
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  fs.writeFileSync(o.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`results: ${path.relative(process.cwd(), o.out) || o.out}`);
  agent.destroy();
  return { rows, file: o.out };
}

if (require.main === module) {
  run(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
