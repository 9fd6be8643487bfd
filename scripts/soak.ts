/**
 * `npm run soak [-- SECONDS [CONNECTIONS [PROCFS]]]`: starts the exporter on
 * loopback with every collector running each second, drives /metrics and
 * /dump with autocannon for a bounded time (default 60 s, 32 connections: three
 * quarters on /metrics, the rest on /dump), and prints requests, non-2xx
 * counts, p50/p99 latency and the exporter's RSS at start and end.
 *
 * Targets (exit status 1 when one is missed): zero non-2xx on /metrics, no
 * crash, RSS growth under 10% between the first and the last 10 seconds.
 * test/exporter/soak.test.ts runs a 10-second version (non-2xx and crash only).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { projectRoot } from '../test/support/fixtures';

// autocannon ships no types; the part used here.
interface CannonResult {
  requests: { total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}
type Cannon = (options: object, done: (error: Error | null, result: CannonResult) => void) => { stop(): void };
const autocannon = require('autocannon') as Cannon;

export interface SoakOptions {
  seconds: number;
  connections: number;
  procfs: string;
  /** Progress lines (stderr by default). */
  log?: (line: string) => void;
}

export interface SoakResult {
  seconds: number;
  metrics: CannonResult;
  dump: CannonResult;
  rssStartKiB: number;
  rssEndKiB: number;
  /** Mean RSS of the first and of the last 10 seconds, and the growth between them in percent. */
  rssFirstKiB: number;
  rssLastKiB: number;
  rssGrowthPercent: number;
  /** V8 heap in use (nodejs_heap_size_used_bytes), mean of the first and the last 10 seconds: a leak grows this, lazy heap sizing only RSS. */
  heapFirstKiB: number;
  heapLastKiB: number;
  crashed: boolean;
  exitInfo?: string;
}

const DUMP_PATHS = ['/dump/loadavg', '/dump/meminfo', '/dump/net.sockstat', '/dump/diskstats', '/dump/stat', '/dump/net.netstat'];

function rssKiB(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function cannon(options: object): Promise<CannonResult> {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const root = projectRoot;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-soak-'));
  const config = path.join(dir, 'config.yaml');
  fs.writeFileSync(config, `procfs: ${JSON.stringify(options.procfs)}\ninterval: 1s\nlog:\n  level: warn\ndump:\n  enabled: true\n`);
  const args = __filename.endsWith('.ts')
    ? ['--require', 'tsx/cjs', path.join(root, 'src', 'exporter', 'main.ts')]
    : [path.join(root, 'dist', 'src', 'exporter', 'main.js')];
  // The heap settings `npm start` and the container image run with (package.json, Dockerfile).
  const heap = ['--max-semi-space-size=1', '--max-old-space-size=256'];
  const flags = ['--config', config, '--web.listen-address', '127.0.0.1:0', '--log.level', 'info', '--log.format', 'json'];
  const child = spawn(process.execPath, [...heap, ...args, ...flags], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let exitInfo: string | undefined;
  child.once('exit', (code, signal) => {
    exitInfo = `exited with ${code ?? signal}`;
  });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`exporter did not start: ${stderr}`)), 30_000);
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-64 * 1024);
        const m = /"msg":"listening"/.test(stderr) ? /"address":"([^"]+)"/.exec(stderr) : null;
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('exit', () => reject(new Error(`exporter exited at start: ${stderr}`)));
    });
    // Wait for the first cycle, as Prometheus would after a restart.
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`http://${address}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const samples: { at: number; kib: number }[] = [];
    const heap: { at: number; kib: number }[] = [];
    const started = Date.now();
    const sample = (): void => {
      const kib = rssKiB(child.pid!);
      const at = (Date.now() - started) / 1000;
      if (kib !== undefined) samples.push({ at, kib });
      void fetch(`http://${address}/metrics`).then(
        async (r) => {
          const m = /^nodejs_heap_size_used_bytes (\S+)$/m.exec(await r.text());
          if (m) heap.push({ at, kib: Number(m[1]) / 1024 });
        },
        () => undefined,
      );
    };
    sample();
    const sampler = setInterval(sample, 1000);
    const metricsConnections = Math.max(1, Math.round((options.connections * 3) / 4));
    const dumpConnections = Math.max(1, options.connections - metricsConnections);
    log(
      `soak: ${options.seconds} s, ${metricsConnections} connections on /metrics and ${dumpConnections} on /dump, procfs ${options.procfs}, exporter pid ${child.pid}`,
    );
    const [metrics, dump] = await Promise.all([
      cannon({
        url: `http://${address}/metrics`,
        connections: metricsConnections,
        duration: options.seconds,
        timeout: 10,
        headers: { 'accept-encoding': 'gzip' },
      }),
      cannon({
        url: `http://${address}`,
        connections: dumpConnections,
        duration: options.seconds,
        timeout: 10,
        requests: DUMP_PATHS.map((p) => ({ method: 'GET', path: p })),
      }),
    ]);
    clearInterval(sampler);
    sample();
    const first = samples.filter((s) => s.at <= 10).map((s) => s.kib);
    const last = samples.filter((s) => s.at >= samples[samples.length - 1].at - 10).map((s) => s.kib);
    const end = samples[samples.length - 1].at;
    const heapFirstKiB = mean(heap.filter((s) => s.at <= 10).map((s) => s.kib));
    const heapLastKiB = mean(heap.filter((s) => s.at >= end - 10).map((s) => s.kib));
    const rssFirstKiB = mean(first);
    const rssLastKiB = mean(last);
    const crashed = exitInfo !== undefined || child.exitCode !== null;
    return {
      seconds: options.seconds,
      metrics,
      dump,
      rssStartKiB: samples[0]?.kib ?? 0,
      rssEndKiB: samples[samples.length - 1]?.kib ?? 0,
      rssFirstKiB,
      rssLastKiB,
      rssGrowthPercent: rssFirstKiB === 0 ? 0 : ((rssLastKiB - rssFirstKiB) / rssFirstKiB) * 100,
      heapFirstKiB,
      heapLastKiB,
      crashed,
      exitInfo,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(kill);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function report(result: SoakResult): string {
  const row = (name: string, r: CannonResult): string =>
    `${name.padEnd(9)} requests ${String(r.requests.total).padStart(8)}  non-2xx ${String(r.non2xx).padStart(5)}  errors ${String(r.errors).padStart(4)}  timeouts ${String(r.timeouts).padStart(4)}  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  max ${r.latency.max} ms`;
  const mib = (kib: number): string => `${(kib / 1024).toFixed(1)} MiB`;
  return [
    `soak ${result.seconds} s`,
    row('/metrics', result.metrics),
    row('/dump', result.dump),
    `rss       start ${mib(result.rssStartKiB)}  end ${mib(result.rssEndKiB)}  first 10 s ${mib(result.rssFirstKiB)}  last 10 s ${mib(result.rssLastKiB)}  growth ${result.rssGrowthPercent.toFixed(1)}%`,
    `heap      first 10 s ${mib(result.heapFirstKiB)}  last 10 s ${mib(result.heapLastKiB)} (V8 heap in use)`,
    `crash     ${result.crashed ? `yes (${result.exitInfo ?? 'exited'})` : 'no'}`,
  ].join('\n');
}

/** The targets a soak missed (empty when all are met). */
export function missedTargets(result: SoakResult): string[] {
  const missed: string[] = [];
  if (result.metrics.non2xx > 0 || result.metrics.errors > 0)
    missed.push(`/metrics: ${result.metrics.non2xx} non-2xx, ${result.metrics.errors} errors (target 0)`);
  if (result.crashed) missed.push(`the exporter crashed: ${result.exitInfo ?? 'exited'}`);
  if (result.rssGrowthPercent >= 10)
    missed.push(`RSS grew ${result.rssGrowthPercent.toFixed(1)}% between the first and the last 10 s (target < 10%)`);
  return missed;
}

if (require.main === module) {
  const seconds = Number(process.argv[2] ?? 60);
  const connections = Number(process.argv[3] ?? 32);
  const procfs = process.argv[4] ?? '/proc';
  if (!Number.isInteger(seconds) || seconds <= 0 || !Number.isInteger(connections) || connections <= 0) {
    process.stderr.write('usage: npm run soak [-- SECONDS [CONNECTIONS [PROCFS]]]\n');
    process.exitCode = 2;
  } else {
    runSoak({ seconds, connections, procfs }).then(
      (result) => {
        process.stdout.write(`${report(result)}\n`);
        const missed = missedTargets(result);
        process.stdout.write(missed.length === 0 ? 'all targets met\n' : `missed: ${missed.join('; ')}\n`);
        process.exitCode = missed.length === 0 ? 0 : 1;
      },
      (error: unknown) => {
        process.stderr.write(`soak: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
        process.exitCode = 2;
      },
    );
  }
}
