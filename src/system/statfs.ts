/**
 * statfs(2) of mount points, safe against mounts that never answer (a dead NFS server): the
 * filesystem collector's only way to the kernel's block and inode counts.
 *
 * Node's fs.statfs runs on libuv's thread pool, which file reads, DNS and zlib share: four calls
 * stuck in a dead mount would stall the whole exporter. So the calls never go there. A few worker
 * threads each call fs.statfsSync, which runs on the worker's own thread, one path at a time:
 *
 * - at most one call per path is outstanding: asking again while one is running joins it, and
 *   asking while one is stuck answers `timeout` at once, without a new call, until it returns;
 * - a call that exceeds its timeout answers `timeout`; its worker is abandoned (a thread blocked in
 *   the kernel cannot be stopped), left to finish on its own and then ended, and a fresh worker
 *   takes its place;
 * - threads are bounded: at most `workers` serve and at most `workers + maxStuck` exist, abandoned
 *   ones included; at the bound no worker is started in place of a stuck one, and once none is
 *   left to work, calls answer `busy` without being made;
 * - one worker serves in the usual case (calls take microseconds); another starts only when a call
 *   has waited `growAfterMs` for one, up to the `workers` asked for, and workers beyond the first
 *   end after `idleMs` without work. A worker keeps the process alive only while its call is in
 *   flight and not abandoned: an idle or stuck one never holds up an exit.
 *
 * `workerSource` replaces the worker's code (tests: a statfs that blocks until released).
 */
import { Worker } from 'worker_threads';

/** The counts node_exporter reads from struct statfs. */
export interface StatfsCounts {
  /** Block size in bytes (f_bsize). */
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
  files: number;
  ffree: number;
}

export type StatfsOutcome =
  | { kind: 'ok'; counts: StatfsCounts }
  /** The call failed: `code` (ENOENT, EACCES, …) and the system's description of it. */
  | { kind: 'error'; code: string; message: string }
  /** No answer within the timeout, now or from an earlier call on this path that is still running. */
  | { kind: 'timeout' }
  /** Not attempted: too many calls are stuck. */
  | { kind: 'busy' };

export interface StatfsLimits {
  timeoutMs: number;
  /** Workers that may run at once (node_exporter's --collector.filesystem.stat-workers). */
  workers: number;
}

export interface StatfsPoolOptions {
  workerSource?: string;
  workerData?: unknown;
  maxStuck?: number;
  growAfterMs?: number;
  idleMs?: number;
}

/** The worker: one statfs at a time, answered with the counts or the error's code and description. */
const WORKER_SOURCE = `
const { parentPort } = require('worker_threads');
const { statfsSync } = require('fs');
parentPort.on('message', (path) => {
  try {
    const { bsize, blocks, bfree, bavail, files, ffree } = statfsSync(path);
    parentPort.postMessage({ counts: { bsize, blocks, bfree, bavail, files, ffree } });
  } catch (error) {
    const match = /^[A-Z0-9]+: ([^,]*)/.exec(error.message);
    parentPort.postMessage({ error: { code: error.code || 'EIO', message: match ? match[1] : error.message } });
  }
});
`;

interface Job {
  path: string;
  promise: Promise<StatfsOutcome>;
  resolve: (outcome: StatfsOutcome) => void;
  /** Answered (a result, a timeout or busy); a timed-out job stays outstanding until its worker answers. */
  answered: boolean;
  timer?: NodeJS.Timeout;
  /** When a worker was given it (performance.now()). */
  dispatchedAt?: number;
}

interface PoolWorker {
  thread: Worker;
  /** Running its code (a worker takes tens of milliseconds to start; that wait is not a slow call). */
  online: boolean;
  job?: Job;
  idleTimer?: NodeJS.Timeout;
}

type WorkerReply = { counts: StatfsCounts } | { error: { code: string; message: string } };

export class StatfsPool {
  private readonly live: PoolWorker[] = [];
  private readonly stuck = new Set<PoolWorker>();
  private readonly queue: Job[] = [];
  private readonly outstanding = new Map<string, Job>();
  private limits: StatfsLimits = { timeoutMs: 5000, workers: 4 };
  private growTimer: NodeJS.Timeout | undefined;
  private readonly maxStuck: number;
  private readonly growAfterMs: number;
  private readonly idleMs: number;

  constructor(private readonly options: StatfsPoolOptions = {}) {
    this.maxStuck = options.maxStuck ?? 4;
    this.growAfterMs = options.growAfterMs ?? 20;
    this.idleMs = options.idleMs ?? 30_000;
  }

  /** statfs(2) of `path`, bounded by `limits.timeoutMs`; never rejects. */
  statfs(path: string, limits: StatfsLimits): Promise<StatfsOutcome> {
    this.limits = { timeoutMs: limits.timeoutMs, workers: Math.max(1, Math.floor(limits.workers)) };
    const running = this.outstanding.get(path);
    if (running) return running.answered ? Promise.resolve({ kind: 'timeout' }) : running.promise;
    let resolve!: (outcome: StatfsOutcome) => void;
    const promise = new Promise<StatfsOutcome>((r) => (resolve = r));
    const job: Job = { path, promise, resolve, answered: false };
    this.outstanding.set(path, job);
    this.queue.push(job);
    this.pump();
    return promise;
  }

  /** Paths whose call has not returned (stuck ones included). */
  outstandingPaths(): string[] {
    return [...this.outstanding.keys()];
  }

  /** Worker threads: those serving, and those abandoned in a call that has not returned. */
  threads(): { live: number; stuck: number } {
    return { live: this.live.length, stuck: this.stuck.size };
  }

  /** Ends the serving workers (abandoned ones end when their call returns); outstanding calls answer `busy`. */
  async close(): Promise<void> {
    clearTimeout(this.growTimer);
    for (const job of this.queue.splice(0)) this.answer(job, { kind: 'busy' }, true);
    await Promise.all(this.live.splice(0).map((w) => this.end(w)));
  }

  private answer(job: Job, outcome: StatfsOutcome, finished: boolean): void {
    clearTimeout(job.timer);
    if (!job.answered) {
      job.answered = true;
      job.resolve(outcome);
    }
    if (finished && this.outstanding.get(job.path) === job) this.outstanding.delete(job.path);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const idle = this.live.find((w) => w.job === undefined);
      if (idle) {
        this.dispatch(this.queue.shift()!, idle);
        continue;
      }
      if (this.live.length === 0) {
        if (!this.canStart()) {
          for (const job of this.queue.splice(0)) this.answer(job, { kind: 'busy' }, true);
          return;
        }
        this.live.push(this.start());
        continue;
      }
      // Every worker is busy: start another only if the wait lasts (a slow or stuck call).
      if (this.growTimer === undefined && this.canStart() && this.live.every((w) => w.online)) {
        this.growTimer = setTimeout(() => {
          this.growTimer = undefined;
          if (this.queue.length > 0 && this.canStart() && this.live.every((w) => this.slow(w))) this.live.push(this.start());
          this.pump();
        }, this.growAfterMs);
        this.growTimer.unref();
      }
      return;
    }
  }

  /** Whether a worker has been in its current call for `growAfterMs` (not merely busy with a long queue). */
  private slow(worker: PoolWorker): boolean {
    return worker.job?.dispatchedAt !== undefined && performance.now() - worker.job.dispatchedAt >= this.growAfterMs;
  }

  /** At most `workers` serve, and never more than `workers + maxStuck` threads exist, abandoned ones included. */
  private canStart(): boolean {
    return this.live.length < this.limits.workers && this.live.length + this.stuck.size < this.limits.workers + this.maxStuck;
  }

  private start(): PoolWorker {
    const thread = new Worker(this.options.workerSource ?? WORKER_SOURCE, {
      eval: true,
      workerData: this.options.workerData,
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
    });
    const worker: PoolWorker = { thread, online: false };
    thread.on('online', () => {
      worker.online = true;
      if (worker.job?.dispatchedAt !== undefined) worker.job.dispatchedAt = performance.now();
      this.pump();
    });
    thread.on('message', (reply: WorkerReply) => this.replied(worker, reply));
    thread.on('error', (error: Error) => this.lost(worker, error.message));
    thread.on('exit', (code) => this.lost(worker, `statfs worker exited with code ${code}`));
    // Referenced only while a call is in flight and not abandoned (after the listeners: adding one refs the port again).
    thread.unref();
    return worker;
  }

  private dispatch(job: Job, worker: PoolWorker): void {
    clearTimeout(worker.idleTimer);
    worker.job = job;
    job.dispatchedAt = performance.now();
    job.timer = setTimeout(() => this.timedOut(worker, job), this.limits.timeoutMs);
    worker.thread.ref();
    worker.thread.postMessage(job.path);
  }

  private timedOut(worker: PoolWorker, job: Job): void {
    if (worker.job !== job) return;
    worker.thread.unref();
    this.answer(job, { kind: 'timeout' }, false);
    const at = this.live.indexOf(worker);
    if (at >= 0) this.live.splice(at, 1);
    this.stuck.add(worker);
    this.pump();
  }

  private replied(worker: PoolWorker, reply: WorkerReply): void {
    const job = worker.job;
    worker.job = undefined;
    worker.thread.unref();
    if (job) this.answer(job, 'counts' in reply ? { kind: 'ok', counts: reply.counts } : { kind: 'error', ...reply.error }, true);
    if (this.stuck.delete(worker)) {
      void this.end(worker);
    } else if (this.live.length > 1) {
      worker.idleTimer = setTimeout(() => this.retire(worker), this.idleMs);
      worker.idleTimer.unref();
    }
    this.pump();
  }

  private retire(worker: PoolWorker): void {
    const at = this.live.indexOf(worker);
    if (worker.job !== undefined || at < 0 || this.live.length <= 1) return;
    this.live.splice(at, 1);
    void this.end(worker);
  }

  private lost(worker: PoolWorker, reason: string): void {
    const at = this.live.indexOf(worker);
    const known = at >= 0 || this.stuck.has(worker);
    if (at >= 0) this.live.splice(at, 1);
    this.stuck.delete(worker);
    clearTimeout(worker.idleTimer);
    const job = worker.job;
    worker.job = undefined;
    if (job) this.answer(job, { kind: 'error', code: 'EWORKER', message: reason }, true);
    if (known) this.pump();
  }

  private async end(worker: PoolWorker): Promise<void> {
    clearTimeout(worker.idleTimer);
    worker.thread.removeAllListeners('exit');
    worker.thread.removeAllListeners('error');
    worker.thread.on('error', () => undefined);
    await worker.thread.terminate();
  }
}

/** The exporter's pool, shared by every run of the filesystem collector (no thread until its first call). */
export const statfsPool = new StatfsPool();
