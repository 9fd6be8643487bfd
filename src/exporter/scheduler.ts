/**
 * Runs each enabled collector on its interval, off the request path, and
 * publishes snapshots.
 *
 * - Collectors due at the same moment form a cycle: they run one after the
 *   other, so that each one's node_scrape_collector_duration_seconds is its own
 *   read + parse + map time, not time spent waiting behind the others, with a
 *   turn of the event loop between two of them (the kernel's files are read
 *   synchronously, so a cycle would otherwise hold up /metrics for all of its
 *   ~50 ms under the interpreter), and their results are published together,
 *   in one swap, when the last of them has finished or timed out (a scrape
 *   never sees half a cycle).
 * - A run still going is not started again (its next turn is skipped); a run
 *   that exceeds its timeout is reported as failed at once.
 * - One collector's failure (throws, times out, file missing) never affects
 *   the others: each run is caught on its own and only its series are dropped.
 * - Failures are logged once per state change (ok → failed → ok), missing
 *   files at debug (a file this kernel does not have is not an alarm).
 */
import type { Logger } from 'pino';
import { ParseError } from '../errors';
import {
  collect,
  filesystems,
  MissingFileError,
  type CollectorDefinition,
  type CollectorEnv,
  type CycleReads,
  type Filesystems,
  type OptionValues,
} from '../collector';
import type { ProcFs } from '../procfs';
import type { MetricFamily } from './exposition';
import { Snapshot, type CollectorRun } from './snapshot';

export interface ScheduledCollector {
  definition: CollectorDefinition;
  options: OptionValues;
  intervalMs: number;
  timeoutMs: number;
}

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
  }
}

/** One run of one collector, with a timeout; never rejects. `settled` resolves when the work itself has ended. */
export function runCollector(
  collector: ScheduledCollector,
  trees: Filesystems,
  env: CollectorEnv,
  reads?: CycleReads,
): { result: Promise<CollectorRun>; settled: Promise<void> } {
  const started = process.hrtime.bigint();
  const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
  const name = collector.definition.name;
  const work = Promise.resolve().then(() => collect(collector.definition, trees, collector.options, env, reads));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(collector.timeoutMs)), collector.timeoutMs);
    timer.unref?.();
  });
  const result = Promise.race([work, timeout]).then(
    (families): CollectorRun => ({ collector: name, success: true, durationSeconds: seconds(), families, finishedAt: Date.now() }),
    (error: unknown): CollectorRun => ({
      collector: name,
      success: false,
      durationSeconds: seconds(),
      families: [],
      error: error instanceof ParseError || error instanceof Error ? error.message : String(error),
      missing: error instanceof MissingFileError,
      finishedAt: Date.now(),
    }),
  );
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  void result.finally(() => clearTimeout(timer));
  return { result, settled };
}

interface Entry {
  collector: ScheduledCollector;
  nextDue: number;
  running: boolean;
  state: 'unknown' | 'ok' | 'failed' | 'missing';
}

export interface SchedulerOptions {
  collectors: readonly ScheduledCollector[];
  procfs: ProcFs;
  /** `--path.sysfs` and `--path.rootfs` (default /sys and /). */
  sysfs?: ProcFs;
  rootfs?: ProcFs;
  env: CollectorEnv;
  logger: Logger;
  /** Families appended to every snapshot (the exporter's process metrics), fetched at each publish. */
  extra?: () => Promise<MetricFamily[]>;
}

export class Scheduler {
  private readonly entries: Entry[];
  private readonly trees: Filesystems;
  private current: Snapshot | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private readonly firstWaiters: ((s: Snapshot) => void)[] = [];
  /** Number of snapshots published (tests, logs). */
  published = 0;
  /** Duration of the last cycle in seconds (first run start to publish). */
  lastCycleSeconds = 0;

  constructor(private readonly options: SchedulerOptions) {
    this.entries = options.collectors.map((collector) => ({ collector, nextDue: 0, running: false, state: 'unknown' }));
    this.trees = filesystems(options.procfs, options.sysfs, options.rootfs);
  }

  /** The latest complete snapshot; undefined before the first cycle has finished. */
  get snapshot(): Snapshot | undefined {
    return this.current;
  }

  /** Resolves with the first snapshot (at once if there is one). */
  firstSnapshot(): Promise<Snapshot> {
    if (this.current) return Promise.resolve(this.current);
    return new Promise((resolve) => this.firstWaiters.push(resolve));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const now = Date.now();
    for (const e of this.entries) e.nextDue = now;
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Runs every collector once and publishes (the `--once` path and tests). */
  async runOnce(): Promise<Snapshot> {
    await this.cycle(this.entries.filter((e) => !e.running));
    return this.current!;
  }

  private tick(): void {
    if (this.stopped) return;
    const now = Date.now();
    const due: Entry[] = [];
    for (const e of this.entries) {
      if (e.nextDue > now) continue;
      const interval = e.collector.intervalMs;
      // Fixed rate; after a long stall, resume from now rather than running a burst.
      e.nextDue = e.nextDue + interval > now ? e.nextDue + interval : now + interval;
      if (e.running) {
        this.options.logger.debug({ collector: e.collector.definition.name }, 'previous run still going; skipping this one');
        continue;
      }
      due.push(e);
    }
    if (due.length > 0) void this.cycle(due);
    const next = Math.min(...this.entries.map((e) => e.nextDue));
    if (Number.isFinite(next)) {
      this.timer = setTimeout(() => this.tick(), Math.max(0, next - Date.now()));
      this.timer.unref?.();
    }
  }

  private async cycle(due: Entry[]): Promise<void> {
    const started = process.hrtime.bigint();
    const reads: CycleReads = new Map();
    // Queued ones count as running: a tick during this cycle does not start them in another.
    for (const e of due) e.running = true;
    const runs: CollectorRun[] = [];
    for (const e of due) {
      const { result, settled } = runCollector(e.collector, this.trees, this.options.env, reads);
      void settled.then(() => {
        e.running = false;
      });
      const run = await result;
      this.logTransition(e, run);
      runs.push(run);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    let extra: MetricFamily[] = [];
    if (this.options.extra) {
      try {
        extra = await this.options.extra();
      } catch (error) {
        this.options.logger.warn({ err: error }, 'process metrics failed');
      }
    }
    // Synchronous from here: build the new snapshot from the current one and swap.
    const byName = new Map<string, CollectorRun>();
    for (const run of this.current?.runs ?? []) byName.set(run.collector, run);
    for (const run of runs) byName.set(run.collector, run);
    const ordered = this.entries.map((e) => byName.get(e.collector.definition.name)).filter((r): r is CollectorRun => r !== undefined);
    this.current = new Snapshot(ordered, extra);
    this.published++;
    this.lastCycleSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    for (const resolve of this.firstWaiters.splice(0)) resolve(this.current);
  }

  private logTransition(e: Entry, run: CollectorRun): void {
    const state = run.success ? 'ok' : run.missing ? 'missing' : 'failed';
    const previous = e.state;
    e.state = state;
    if (state === previous) return;
    const log = this.options.logger;
    const fields = { collector: run.collector, duration_seconds: run.durationSeconds };
    if (state === 'ok') {
      if (previous !== 'unknown') log.info(fields, 'collector succeeded again');
    } else if (state === 'missing') {
      log.debug({ ...fields, err: run.error }, 'collector failed: file not present');
    } else {
      log.error({ ...fields, err: run.error }, 'collector failed');
    }
  }
}
