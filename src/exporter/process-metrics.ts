/**
 * The exporter's own metrics, on a prom-client Registry of their own (never
 * prom-client's global one), converted to the exporter's families so that both
 * formats serialize them the same way. They are appended after the collectors'.
 *
 * - process_*: node_exporter's set (client_golang's process collector, same
 *   names and help), read from /proc/self through the pid/stat, pid/limits and
 *   stat parsers when the scheduler asks (once per cycle), as client_golang
 *   reads them at scrape time.
 * - nodejs_heap_size_{total,used}_bytes and nodejs_eventloop_active_seconds_total:
 *   read from V8 and libuv at the same moment.
 * - proc_exporter_build_info{version,revision,nodeversion} 1.
 * - promhttp_metric_handler_requests_total{code}: /metrics answers by status,
 *   as node_exporter's promhttp handler counts them.
 *
 * Every gauge computes in collect(): nothing runs between two cycles (prom-client's
 * collectDefaultMetrics() is not used: its event-loop-delay monitor wakes every 10 ms).
 */
import { performance } from 'perf_hooks';
import type * as PromClient from 'prom-client';
import { getHeapStatistics } from 'v8';
import type { LimitsRecord, LimitValue } from '../parsers/pid/limits';
import type { StatRecord as ProcessStatRecord } from '../parsers/pid/stat';
import { ProcFs } from '../procfs';
import { getHandler } from '../registry';
import { buildInfo, type BuildInfo } from '../version';
import type { MetricFamily, MetricType } from './exposition';

/**
 * prom-client's registry and the two metric types used, without its index: the
 * index also loads the push gateway (http, https, tls), the default metrics, the
 * cluster aggregator, histograms and summaries — 1.6 MB of heap against 0.1 MB.
 */
const Registry = require('prom-client/lib/registry') as typeof PromClient.Registry;
const Gauge = require('prom-client/lib/gauge') as typeof PromClient.Gauge;
const Counter = require('prom-client/lib/counter') as typeof PromClient.Counter;

/** Clock ticks per second of /proc/<pid>/stat's times: USER_HZ, 100 on every Linux architecture (as client_golang assumes). */
const USER_HZ = 100;

export interface ProcessMetricsOptions {
  /** The kernel's page size (RSS is in pages). */
  pageSize: number;
  /** Where self/stat, self/limits, self/fd and stat are read (default the live /proc; tests give a fixture tree). */
  procfs?: ProcFs;
  /** Version and revision (default src/version.ts's, of package.json and the checkout or build-info.json). */
  build?: Pick<BuildInfo, 'version' | 'revision'>;
}

/** A limit as client_golang reports it: unlimited is the largest uint64 (RLIM_INFINITY). */
function limitValue(value: LimitValue): number {
  return value === 'unlimited' ? 2 ** 64 : value;
}

interface JsonMetric {
  name: string;
  help: string;
  type: string;
  values?: { labels?: Record<string, string | number>; value: number; metricName?: string }[];
}

export class ProcessMetrics {
  private readonly registry = new Registry();
  private readonly procfs: ProcFs;
  private readonly scrapes: PromClient.Counter<'code'>;
  /** /proc/self/stat of the current families() call, read once for the three metrics that need it. */
  private stat: Promise<ProcessStatRecord> | undefined;

  constructor(options: ProcessMetricsOptions) {
    const procfs = (this.procfs = options.procfs ?? new ProcFs('/proc'));
    const registers = [this.registry];
    const readStat = (): ProcessStatRecord => this.parse<ProcessStatRecord>('pid/stat', 'self/stat')[0];
    const self = (): Promise<ProcessStatRecord> => (this.stat ??= Promise.resolve().then(readStat));
    const limit = (name: string): number => {
      const record = this.parse<LimitsRecord>('pid/limits', 'self/limits').find((r) => r.limit === name);
      if (record === undefined) throw new Error(`self/limits: no "${name}" line`);
      return limitValue(record.soft_limit);
    };
    new Counter({
      name: 'process_cpu_seconds_total',
      help: 'Total user and system CPU time spent in seconds.',
      registers,
      async collect() {
        const s = await self();
        this.reset();
        this.inc((s.utime + s.stime) / USER_HZ);
      },
    });
    new Gauge({
      name: 'process_open_fds',
      help: 'Number of open file descriptors.',
      registers,
      collect() {
        const entries = procfs.list('self/fd');
        if (entries.length === 0 && !procfs.isDirectory('self/fd')) {
          throw new Error(`${procfs.root}/self/fd: no such directory`);
        }
        this.set(entries.length);
      },
    });
    new Gauge({
      name: 'process_max_fds',
      help: 'Maximum number of open file descriptors.',
      registers,
      collect() {
        this.set(limit('Max open files'));
      },
    });
    new Gauge({
      name: 'process_virtual_memory_bytes',
      help: 'Virtual memory size in bytes.',
      registers,
      async collect() {
        this.set((await self()).vsize);
      },
    });
    new Gauge({
      name: 'process_virtual_memory_max_bytes',
      help: 'Maximum amount of virtual memory available in bytes.',
      registers,
      collect() {
        this.set(limit('Max address space'));
      },
    });
    new Gauge({
      name: 'process_resident_memory_bytes',
      help: 'Resident memory size in bytes.',
      registers,
      async collect() {
        this.set((await self()).rss * options.pageSize);
      },
    });
    const started = this.startTime();
    if (started !== undefined) {
      const help = 'Start time of the process since unix epoch in seconds.';
      new Gauge({ name: 'process_start_time_seconds', help, registers }).set(started);
    }
    new Gauge({
      name: 'nodejs_heap_size_total_bytes',
      help: 'Process heap size from Node.js in bytes.',
      registers,
      collect() {
        this.set(getHeapStatistics().total_heap_size);
      },
    });
    new Gauge({
      name: 'nodejs_heap_size_used_bytes',
      help: 'Process heap size used from Node.js in bytes.',
      registers,
      collect() {
        this.set(getHeapStatistics().used_heap_size);
      },
    });
    new Counter({
      name: 'nodejs_eventloop_active_seconds_total',
      help: 'Time the event loop spent running callbacks rather than waiting for events, in seconds (its rate: the utilization).',
      registers,
      collect() {
        this.reset();
        this.inc(performance.eventLoopUtilization().active / 1000);
      },
    });
    const build = options.build ?? buildInfo();
    new Gauge({
      name: 'proc_exporter_build_info',
      help: "A metric with a constant '1' value labeled by version, revision and nodeversion from which proc_exporter was built.",
      labelNames: ['version', 'revision', 'nodeversion'],
      registers,
    }).set({ version: build.version, revision: build.revision, nodeversion: process.version }, 1);
    this.scrapes = new Counter({
      name: 'promhttp_metric_handler_requests_total',
      help: 'Total number of scrapes by HTTP status code.',
      labelNames: ['code'],
      registers,
    });
    for (const code of ['200', '500', '503']) this.scrapes.inc({ code }, 0);
  }

  /** Counts one answer of the metrics endpoint. */
  countScrape(status: number): void {
    this.scrapes.inc({ code: String(status) });
  }

  private parse<T>(handler: string, file: string): T[] {
    return getHandler(handler)!.parse(this.procfs.readText(file), `${this.procfs.root}/${file}`) as T[];
  }

  /** Boot time (stat's btime) plus the process's start in clock ticks since boot, as client_golang computes it. */
  private startTime(): number | undefined {
    try {
      const boot = this.parse<{ kind: string; name: string; value?: number }>('stat', 'stat').find((r) => r.name === 'btime')?.value;
      const ticks = this.parse<ProcessStatRecord>('pid/stat', 'self/stat')[0]?.starttime;
      return boot === undefined || ticks === undefined ? undefined : boot + ticks / USER_HZ;
    } catch {
      return undefined;
    }
  }

  async families(): Promise<MetricFamily[]> {
    this.stat = undefined;
    // One metric object at a time: prom-client's getMetricsAsJSON() fails everything on one throw.
    const out: MetricFamily[] = [];
    for (const metric of this.registry.getMetricsAsArray()) {
      try {
        const m = (await (metric as unknown as { get(): Promise<unknown> }).get()) as JsonMetric;
        out.push({
          name: m.name,
          help: m.help,
          type: (['counter', 'gauge', 'histogram', 'summary'].includes(m.type) ? m.type : 'untyped') as MetricType,
          samples: (m.values ?? []).map((v) => ({
            name: v.metricName,
            labels: Object.fromEntries(Object.entries(v.labels ?? {}).map(([k, x]) => [k, String(x)])),
            value: v.value,
          })),
        });
      } catch {
        // A process metric that cannot be read this time is left out.
      }
    }
    this.stat = undefined;
    return out;
  }
}
