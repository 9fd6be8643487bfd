/**
 * The walk and the bookkeeping of one process_groups collector, as
 * process-exporter 0.7.10's tracker and grouper (proc/tracker.go,
 * proc/grouper.go) do them, with their faults fixed:
 *
 * - Every process's stat is read on every walk (its pid and start time say
 *   who it is). A process seen for the first time is read in full and matched
 *   (first entry wins); one no entry matches joins its parent's group when
 *   `children` is on and the parent has one (a parent first seen in the same
 *   walk is resolved first), else it is ignored: not read again (its stat
 *   only) unless `recheck` is on. A process keeps the group it was first put
 *   in, whatever its name becomes.
 * - Counters never go backwards. Each tracked process and thread keeps its
 *   last counters (a file unreadable now keeps the last value) and a base;
 *   the group's counters are the sum of (last − base) over its members, plus
 *   what members that have gone left. A member that exits, a pid reused (a
 *   different start time), a thread renamed: what it counted stays where it
 *   was counted. The base is 0 with our names (the processes' own totals);
 *   with process-exporter's it is the counters at the first walk that saw the
 *   process (process-exporter counts from when it started tracking), 0 for a
 *   process or thread that started after the exporter's first walk (all it
 *   did is new, as process-exporter 0.7.10 counts it). Unlike
 *   process-exporter, a process's context switches keep those of its threads
 *   that exited (process-exporter's sum of the live threads drops, and its
 *   unsigned difference wraps around), and a thread name whose threads have
 *   all gone keeps its counters (thread_count 0).
 * - A process whose stat cannot be parsed on one walk, while its directory
 *   still exists, is still a member (its counters stay, its gauges are not
 *   known): it is not taken for gone and counted again when it is readable.
 * - Threads are read for processes with two threads or more (task/<tid>/),
 *   as process-exporter: their context switches make the process's (status
 *   counts the main thread only; the switches of threads that exited are
 *   kept), and the per-thread-name metrics are made from them.
 * - A group whose members have all gone stays with its counters, or is
 *   dropped (`removeEmptyGroups`). New groups beyond `maxSeries` are refused
 *   (their processes stay untracked and are tried again on the next walk), so
 *   the state stays bounded while the run fails.
 */
import {
  isDenied,
  isGone,
  readProcess,
  walkProcesses,
  type ProcessGroupsSpec,
  type ProcessRecord,
  type ProcFs,
  type ReadRecords,
} from '../../src/collector';
import type { CgroupRecord } from '../../src/parsers/pid/cgroup';
import type { CmdlineRecord } from '../../src/parsers/pid/cmdline';
import type { IoRecord } from '../../src/parsers/pid/io';
import type { LimitsRecord } from '../../src/parsers/pid/limits';
import type { SmapsRecord } from '../../src/parsers/formats/smaps';
import type { StatRecord } from '../../src/parsers/pid/stat';
import type { StatusRecord } from '../../src/parsers/pid/status';
import type { StatRecord as SystemStatRecord } from '../../src/parsers/stat';
import { compileMatchers, groupOf, usedVariables, type GroupMatcher } from './matching';

/** A wait channel record (pid/wchan, a single-value handler): the kernel function, "0" when running. */
interface WchanRecord {
  wchan: string;
}

/** Work between two turns of the event loop at most, in milliseconds (as the process walker). */
const YIELD_EVERY_MS = 5;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** USER_HZ: /proc reports times in 1/100 s on every architecture. */
export const CLOCK_TICKS = 100;
/** What procfs (Go) makes of an `unlimited` fd limit: the largest uint64, as a float. */
const UNLIMITED = 2 ** 64; // 18446744073709551615 as a float64 rounds to 2^64

export const STATES = ['Running', 'Sleeping', 'Waiting', 'Zombie', 'Other'] as const;
export type StateName = (typeof STATES)[number];
type StateCounts = Record<StateName, number>;

/** A process's or thread's counters as read: CPU in clock ticks; io undefined when unreadable. */
export interface Counts {
  user: number;
  system: number;
  read?: number;
  write?: number;
  majflt: number;
  minflt: number;
  voluntary: number;
  nonvoluntary: number;
}

const zero = (): Counts => ({ user: 0, system: 0, majflt: 0, minflt: 0, voluntary: 0, nonvoluntary: 0 });

/** `into += a − b` (io only where `a` has it). */
function addDifference(into: Counts, a: Counts, b: Counts | undefined): void {
  into.user += a.user - (b?.user ?? 0);
  into.system += a.system - (b?.system ?? 0);
  if (a.read !== undefined) into.read = (into.read ?? 0) + a.read - (b?.read ?? 0);
  if (a.write !== undefined) into.write = (into.write ?? 0) + a.write - (b?.write ?? 0);
  into.majflt += a.majflt - (b?.majflt ?? 0);
  into.minflt += a.minflt - (b?.minflt ?? 0);
  into.voluntary += a.voluntary - (b?.voluntary ?? 0);
  into.nonvoluntary += a.nonvoluntary - (b?.nonvoluntary ?? 0);
}

/** The larger of each counter (a counter of one process never goes backwards; undefined keeps the last). */
function latest(last: Counts | undefined, now: Partial<Counts>): Counts {
  const pick = (key: keyof Counts): number => Math.max(now[key] ?? 0, last?.[key] ?? 0);
  const io = (key: 'read' | 'write'): number | undefined =>
    now[key] === undefined ? last?.[key] : last?.[key] === undefined ? now[key] : Math.max(now[key], last[key]);
  return {
    user: pick('user'),
    system: pick('system'),
    read: io('read'),
    write: io('write'),
    majflt: pick('majflt'),
    minflt: pick('minflt'),
    voluntary: pick('voluntary'),
    nonvoluntary: pick('nonvoluntary'),
  };
}

function stateName(letter: string): StateName {
  if (letter === 'R') return 'Running';
  if (letter === 'S') return 'Sleeping';
  if (letter === 'D') return 'Waiting';
  if (letter === 'Z') return 'Zombie';
  return 'Other';
}

const noStates = (): StateCounts => ({ Running: 0, Sleeping: 0, Waiting: 0, Zombie: 0, Other: 0 });

interface TrackedThread {
  starttime: number;
  name: string;
  base: Counts;
  last: Counts;
  /** Reported (its process has two threads or more); a thread leaves the report with what it counted. */
  visible: boolean;
}

interface TrackedProcess {
  starttime: number;
  group: string;
  base: Counts;
  last: Counts;
  threads: Map<number, TrackedThread>;
  /** Context switches of this process's threads that have exited (status counts the main thread's only). */
  deadSwitches: { voluntary: number; nonvoluntary: number };
}

/** What one walk read of a process (tracked, or seen for the first time). */
interface ProcessReading {
  counts: Partial<Counts>;
  resident: number;
  virtual: number;
  swapped: number;
  pss?: number;
  swapPss?: number;
  /** Open fds (undefined when fd/ is unreadable) and the soft limit (undefined when limits is). */
  openFds?: number;
  fdLimit?: number;
  numThreads: number;
  state: StateName;
  wchan?: string;
  /** Two or more threads read: their numbers (else undefined). */
  threads?: ThreadReading[];
  /** Two threads or more, but task/ or their files unreadable: the threads' bookkeeping waits for the next walk. */
  threadsUnknown?: boolean;
  /** A file process-exporter counts as a partial error was unreadable (io, fd, wchan, smaps, task). */
  partial: boolean;
  /** status or limits could not be read or parsed (process-exporter's procread errors). */
  readError: boolean;
}

interface ThreadReading {
  tid: number;
  starttime: number;
  name: string;
  counts: Counts;
  state: StateName;
  wchan?: string;
}

/** One group's values: the record the mappings read. */
export interface GroupRecord {
  groupname: string;
  num_procs: number;
  num_threads: number;
  cpu: { user: number; system: number };
  io: { read?: number; write?: number };
  faults: { major: number; minor: number };
  ctx: { voluntary: number; nonvoluntary: number };
  memory: { resident: number; virtual: number; swapped: number; proportionalResident?: number; proportionalSwapped?: number };
  open_fds: number;
  worst_fd_ratio?: number;
  oldest_start_time?: number;
  states: StateCounts;
  wchans: Record<string, number>;
}

/** One thread name of one group (threads of processes with two threads or more). */
export interface ThreadRecord {
  groupname: string;
  threadname: string;
  thread_count: number;
  cpu: { user: number; system: number };
  io: { read: number; write: number };
  faults: { major: number; minor: number };
  ctx: { voluntary: number; nonvoluntary: number };
}

/** process-exporter's namedprocess_scrape_* counters. */
export interface ScrapeCounters {
  errors: number;
  partial: number;
  procread: number;
}

export interface WalkResult {
  groups: GroupRecord[];
  threads: ThreadRecord[];
  scrape: ScrapeCounters;
  /** Processes left untracked because their group would have gone beyond the limit. */
  refused: number;
}

/** Users by uid from /etc/passwd under the root filesystem; a uid it lacks is its number. */
class UserNames {
  private names = new Map<number, string>();
  private readAt = -1;

  constructor(private readonly rootfs: ProcFs) {}

  /** `cycle` numbers the walks: a uid not found makes one re-read of the file per walk at most. */
  name(uid: number, cycle: number): string {
    const known = this.names.get(uid);
    if (known !== undefined) return known;
    if (this.readAt !== cycle) {
      this.readAt = cycle;
      this.load();
      const found = this.names.get(uid);
      if (found !== undefined) return found;
    }
    return String(uid);
  }

  private load(): void {
    let text: string;
    try {
      text = this.rootfs.readText('etc/passwd');
    } catch {
      return; // no passwd under this root: numeric names
    }
    for (const line of text.split('\n')) {
      const f = line.split(':');
      if (f.length < 3 || f[0] === '' || line.startsWith('#') || !/^\d+$/.test(f[2])) continue;
      const uid = Number(f[2]);
      if (!this.names.has(uid)) this.names.set(uid, f[0]);
    }
  }
}

/** /proc/stat's btime, through the stat parser; undefined without it. */
async function bootTime(read: ReadRecords): Promise<number | undefined> {
  try {
    const records = await read<SystemStatRecord>('stat', 'optional');
    const btime = records?.find((r) => r.kind === 'value' && r.name === 'btime');
    return btime?.kind === 'value' ? btime.value : undefined;
  } catch {
    return undefined; // unreadable or malformed: only the start times depend on it
  }
}

function first<T>(record: ProcessRecord, file: string): T | undefined {
  return (record.files[file] as T[] | undefined)?.[0];
}

/** Entries of a process's folder (fd/, task/); undefined when it is unreadable or absent (ProcFs.list gives [] then). */
function listing(procfs: ProcFs, relative: string): string[] | undefined {
  try {
    const entries = procfs.list(relative);
    return entries.length === 0 && !procfs.exists(relative) ? undefined : entries;
  } catch (error) {
    if (isDenied(error) || isGone(error)) return undefined;
    throw error;
  }
}

function proportional(record: ProcessRecord, file: string): { pss: number; swapPss: number } | undefined {
  const maps = record.files[file] as SmapsRecord[] | undefined;
  if (maps === undefined || maps.length === 0) return undefined;
  let pss = 0;
  let swapPss = 0;
  for (const m of maps) {
    pss += m.kB.Pss ?? 0;
    swapPss += m.kB.SwapPss ?? 0;
  }
  return { pss: pss * 1024, swapPss: swapPss * 1024 };
}

/** A thread's numbers; undefined when it has gone or its stat or status is unreadable (process-exporter skips it). */
function readThread(procfs: ProcFs, pid: number, tid: number): ThreadReading | undefined {
  const record = readProcess(procfs, pid, ['pid/stat', 'pid/status', 'pid/io', 'pid/wchan'], tid);
  if (!record) return undefined;
  const stat = first<StatRecord>(record, 'pid/stat');
  const status = first<StatusRecord>(record, 'pid/status');
  if (!stat || !status) return undefined;
  const io = first<IoRecord>(record, 'pid/io');
  return {
    tid,
    starttime: stat.starttime,
    name: stat.comm,
    counts: {
      user: stat.utime,
      system: stat.stime,
      read: io?.read_bytes ?? 0,
      write: io?.write_bytes ?? 0,
      majflt: stat.majflt,
      minflt: stat.minflt,
      voluntary: Number(status.voluntary_ctxt_switches ?? 0),
      nonvoluntary: Number(status.nonvoluntary_ctxt_switches ?? 0),
    },
    state: stateName(stat.state),
    wchan: first<WchanRecord>(record, 'pid/wchan')?.wchan,
  };
}

interface GroupTotals {
  record: GroupRecord;
  counts: Counts;
  /** Members alive in this walk (readable or not). */
  members: number;
}

/** A process seen for the first time in this walk, read in full. */
interface Fresh {
  pid: number;
  ppid: number;
  stat: StatRecord;
  reading: ProcessReading;
  record: ProcessRecord;
}

/** One group's thread names → their totals. */
type ThreadTotals = Map<string, { count: number; counts: Counts }>;

export class ProcessGroupTracker {
  private readonly matchers: GroupMatcher[];
  private readonly tracked = new Map<number, TrackedProcess>();
  /** Processes no group took, by pid → start time (not read again unless recheck). */
  private readonly ignored = new Map<number, number>();
  /** What members that have gone counted, by group. */
  private readonly exited = new Map<string, Counts>();
  /** What threads that have gone (or left the report) counted, by group and thread name. */
  private readonly exitedThreads = new Map<string, Map<string, Counts>>();
  private readonly scrape: ScrapeCounters = { errors: 0, partial: 0, procread: 0 };
  private readonly needCgroups: boolean;
  private readonly metricFiles: string[];
  /** Wall-clock seconds of the first walk (a process started after it is counted from its start). */
  private firstWalkAt: number | undefined;
  /** This walk's boot time in hundredths of a second since the epoch. */
  private bootCentiseconds: number | undefined;
  private cycle = 0;
  private users: UserNames | undefined;

  constructor(private readonly spec: ProcessGroupsSpec) {
    this.matchers = compileMatchers(spec.groups);
    this.needCgroups = usedVariables(this.matchers).has('Cgroups');
    this.metricFiles = ['pid/status', 'pid/io', 'pid/limits', 'pid/wchan', ...(spec.gatherSmaps ? ['pid/smaps_rollup'] : [])];
  }

  private get sinceTracking(): boolean {
    return this.spec.names === 'process-exporter';
  }

  /** The base of a process or thread seen for the first time (started at `starttime` ticks after boot): its counters now, or 0. */
  private baseFor(counts: Counts, starttime: number): Counts {
    if (!this.sinceTracking) return zero();
    const boot = this.bootCentiseconds;
    if (boot !== undefined && this.firstWalkAt !== undefined && boot + starttime > this.firstWalkAt * CLOCK_TICKS) return zero();
    return { ...counts };
  }

  /** Reads what a tracked (or new) process has beyond its stat; undefined when it has gone. */
  private readProcessMetrics(
    procfs: ProcFs,
    pid: number,
    stat: StatRecord,
    pageSize: number,
    extra: readonly string[],
  ): [ProcessReading, ProcessRecord] | undefined {
    const record = readProcess(procfs, pid, [...this.metricFiles, ...extra]);
    if (!record) return undefined;
    const status = first<StatusRecord>(record, 'pid/status');
    const limits = record.files['pid/limits'] as LimitsRecord[] | undefined;
    const io = first<IoRecord>(record, 'pid/io');
    let partial = io === undefined;
    const readError = status === undefined || limits === undefined || limits.length === 0;
    const openFds = listing(procfs, `${pid}/fd`)?.length;
    if (openFds === undefined) partial = true;
    const wchanRead = record.files['pid/wchan'] !== undefined && record.errors?.['pid/wchan'] === undefined;
    if (!wchanRead) partial = true;
    let smaps: { pss: number; swapPss: number } | undefined;
    if (this.spec.gatherSmaps) {
      smaps = proportional(record, 'pid/smaps_rollup');
      if (smaps === undefined && record.files['pid/smaps_rollup'] === undefined) {
        // No smaps_rollup (before Linux 4.14): the mappings' sum, as procfs falls back to.
        const maps = readProcess(procfs, pid, ['pid/smaps']);
        if (maps) smaps = proportional(maps, 'pid/smaps');
      }
      if (smaps === undefined) partial = true;
    }
    const softLimit = limits?.find((l) => l.limit === 'Max open files')?.soft_limit;
    const reading: ProcessReading = {
      counts: {
        user: stat.utime,
        system: stat.stime,
        read: io?.read_bytes,
        write: io?.write_bytes,
        majflt: stat.majflt,
        minflt: stat.minflt,
        voluntary: status === undefined ? undefined : Number(status.voluntary_ctxt_switches ?? 0),
        nonvoluntary: status === undefined ? undefined : Number(status.nonvoluntary_ctxt_switches ?? 0),
      },
      resident: stat.rss * pageSize,
      virtual: stat.vsize,
      swapped: (status?.kB?.VmSwap ?? 0) * 1024,
      pss: smaps?.pss,
      swapPss: smaps?.swapPss,
      openFds,
      fdLimit: softLimit === undefined ? undefined : softLimit === 'unlimited' ? UNLIMITED : softLimit,
      numThreads: stat.num_threads,
      state: stateName(stat.state),
      wchan: first<WchanRecord>(record, 'pid/wchan')?.wchan,
      partial,
      readError,
    };
    if (stat.num_threads >= 2) {
      const tids = listing(procfs, `${pid}/task`)
        ?.filter((entry) => /^\d+$/.test(entry))
        .map(Number)
        .sort((a, b) => a - b);
      if (tids === undefined) reading.partial = true;
      const threads = (tids ?? []).flatMap((tid) => readThread(procfs, pid, tid) ?? []);
      if (threads.length >= 2) reading.threads = threads;
      else reading.threadsUnknown = true;
    }
    return [reading, record];
  }

  /** One walk: the groups (and thread names) seen so far, with this walk's values. */
  async collect(procfs: ProcFs, rootfs: ProcFs, read: ReadRecords, pageSize: number): Promise<WalkResult> {
    this.cycle++;
    this.users ??= new UserNames(rootfs);
    const walkStart = Date.now() / 1000;
    const btime = await bootTime(read);
    this.bootCentiseconds = btime === undefined ? undefined : btime * CLOCK_TICKS;
    /** Tracked processes alive in this walk, with what was read of them (undefined: stat unreadable now). */
    const alive = new Map<number, ProcessReading | undefined>();
    const ignoredSeen = new Set<number>();
    const fresh: Fresh[] = [];
    let records: AsyncGenerator<ProcessRecord>;
    try {
      records = walkProcesses({ procfs, files: ['pid/stat'] });
    } catch (error) {
      this.scrape.errors++;
      throw error;
    }
    const extra = ['pid/cmdline', ...(this.needCgroups ? ['pid/cgroup'] : [])];
    try {
      for await (const rec of records) {
        const pid = rec.pid;
        const stat = first<StatRecord>(rec, 'pid/stat');
        const known = this.tracked.get(pid);
        if (!stat) {
          // Alive but unreadable: a tracked process stays a member, its counters as they were.
          if (known) alive.set(pid, undefined);
          else if (this.ignored.has(pid)) ignoredSeen.add(pid);
          continue;
        }
        if (known && known.starttime !== stat.starttime) {
          this.retire(known); // the pid was reused: the old process has gone
          this.tracked.delete(pid);
        }
        if (this.ignored.get(pid) === stat.starttime) {
          ignoredSeen.add(pid);
          continue;
        }
        const tracked = this.tracked.get(pid);
        const read = this.readProcessMetrics(procfs, pid, stat, pageSize, tracked ? [] : extra);
        if (!read) continue; // exited during the walk: gone
        const [reading, record] = read;
        if (reading.partial) this.scrape.partial++;
        if (reading.readError) this.scrape.procread++;
        if (tracked) {
          this.update(pid, tracked, reading);
          alive.set(pid, reading);
        } else {
          fresh.push({ pid, ppid: stat.ppid, stat, reading, record });
        }
      }
    } catch (error) {
      this.scrape.errors++;
      throw error;
    }
    for (const [pid, t] of this.tracked) {
      if (alive.has(pid)) continue;
      this.retire(t);
      this.tracked.delete(pid);
    }
    for (const pid of this.ignored.keys()) if (!ignoredSeen.has(pid)) this.ignored.delete(pid);
    await yieldToEventLoop();
    const refused = this.place(fresh, btime, alive);
    if (this.firstWalkAt === undefined) this.firstWalkAt = walkStart;
    await yieldToEventLoop();
    return { ...(await this.report(alive, btime)), scrape: { ...this.scrape }, refused };
  }

  /** New processes: matched, else their parent's group (children), else ignored. Returns how many were refused. */
  private place(fresh: readonly Fresh[], btime: number | undefined, alive: Map<number, ProcessReading | undefined>): number {
    const byPid = new Map(fresh.map((f) => [f.pid, f]));
    const named = new Map<number, string | undefined>();
    for (const f of fresh) {
      const status = first<StatusRecord>(f.record, 'pid/status');
      const argv = [...(first<CmdlineRecord>(f.record, 'pid/cmdline')?.argv ?? [])];
      // As Go's procfs: the trailing NULs of cmdline make no empty arguments.
      while (argv.length > 0 && argv[argv.length - 1] === '') argv.pop();
      const uid = status?.Uid?.effective ?? 0;
      named.set(
        f.pid,
        groupOf(this.matchers, {
          pid: f.pid,
          comm: f.stat.comm,
          argv,
          username: () => this.users!.name(uid, this.cycle),
          startCentiseconds: (btime ?? 0) * CLOCK_TICKS + f.stat.starttime,
          cgroups: () => ((f.record.files['pid/cgroup'] as CgroupRecord[] | undefined) ?? []).map((c) => c.path),
        }),
      );
    }
    const resolved = new Map<number, string | undefined>();
    const resolve = (pid: number, depth: number): string | undefined => {
      if (resolved.has(pid)) return resolved.get(pid);
      const f = byPid.get(pid)!;
      let group = named.get(pid);
      if (group === undefined && this.spec.children && depth < 4096) {
        const parent = this.tracked.get(f.ppid);
        if (parent) group = parent.group;
        else if (byPid.has(f.ppid) && f.ppid !== pid) group = resolve(f.ppid, depth + 1);
      }
      resolved.set(pid, group);
      return group;
    };
    let refused = 0;
    const groups = new Set<string>([...this.exited.keys(), ...[...this.tracked.values()].map((t) => t.group)]);
    for (const f of fresh) {
      const group = resolve(f.pid, 0);
      if (group === undefined) {
        if (!this.spec.recheck) this.ignored.set(f.pid, f.stat.starttime);
        continue;
      }
      if (!groups.has(group)) {
        if (groups.size >= this.spec.maxSeries) {
          refused++;
          resolved.set(f.pid, undefined);
          continue;
        }
        groups.add(group);
      }
      const t: TrackedProcess = {
        starttime: f.stat.starttime,
        group,
        base: zero(),
        last: zero(),
        threads: new Map(),
        deadSwitches: { voluntary: 0, nonvoluntary: 0 },
      };
      this.update(f.pid, t, f.reading);
      t.base = this.baseFor(t.last, f.stat.starttime);
      this.tracked.set(f.pid, t);
      alive.set(f.pid, f.reading);
    }
    return refused;
  }

  /** Takes a walk's reading into a tracked process: its threads, then its counters. */
  private update(pid: number, t: TrackedProcess, reading: ProcessReading): void {
    const counts = { ...reading.counts };
    if (reading.threadsUnknown) {
      // The threads wait for the next walk; status's switches (the main thread's) count only if more than the last sum.
      t.last = latest(t.last, counts);
      return;
    }
    const threads = reading.threads;
    const seen = new Set<number>();
    for (const r of threads ?? []) {
      seen.add(r.tid);
      let tt = t.threads.get(r.tid);
      if (tt && tt.starttime !== r.starttime) {
        this.retireThread(t, tt, true);
        tt = undefined;
      }
      if (!tt) {
        t.threads.set(r.tid, {
          starttime: r.starttime,
          name: r.name,
          base: this.baseFor(r.counts, r.starttime),
          last: { ...r.counts },
          visible: true,
        });
        continue;
      }
      const previous = tt.last;
      if (tt.name !== r.name && tt.visible) {
        // Renamed: what it counted stays with its old name.
        this.addThread(t.group, tt.name, previous, tt.base);
        tt.base = { ...previous };
      }
      tt.name = r.name;
      tt.last = latest(previous, r.counts);
      tt.visible = true;
    }
    for (const [tid, tt] of t.threads) {
      if (seen.has(tid)) continue;
      if (threads === undefined && tid === pid) {
        // Single-threaded now: the main thread leaves the report with what it counted.
        if (tt.visible) this.retireThread(t, tt, false);
        continue;
      }
      this.retireThread(t, tt, true);
      t.threads.delete(tid);
    }
    if (threads !== undefined) {
      counts.voluntary = t.deadSwitches.voluntary + threads.reduce((n, r) => n + r.counts.voluntary, 0);
      counts.nonvoluntary = t.deadSwitches.nonvoluntary + threads.reduce((n, r) => n + r.counts.nonvoluntary, 0);
    } else if (counts.voluntary !== undefined && counts.nonvoluntary !== undefined) {
      counts.voluntary += t.deadSwitches.voluntary;
      counts.nonvoluntary += t.deadSwitches.nonvoluntary;
    }
    t.last = latest(t.last, counts);
  }

  private addThread(group: string, name: string, last: Counts, base: Counts): void {
    let byName = this.exitedThreads.get(group);
    if (!byName) this.exitedThreads.set(group, (byName = new Map<string, Counts>()));
    let totals = byName.get(name);
    if (!totals) byName.set(name, (totals = { ...zero(), read: 0, write: 0 }));
    addDifference(totals, last, base);
  }

  /** A thread leaves the report (gone: its switches join the process's dead ones). */
  private retireThread(t: TrackedProcess, tt: TrackedThread, gone: boolean): void {
    if (tt.visible) this.addThread(t.group, tt.name, tt.last, tt.base);
    tt.base = { ...tt.last };
    tt.visible = false;
    if (gone) {
      t.deadSwitches.voluntary += tt.last.voluntary;
      t.deadSwitches.nonvoluntary += tt.last.nonvoluntary;
    }
  }

  private retire(t: TrackedProcess): void {
    let totals = this.exited.get(t.group);
    if (!totals) this.exited.set(t.group, (totals = zero()));
    addDifference(totals, t.last, t.base);
    for (const tt of t.threads.values()) if (tt.visible) this.addThread(t.group, tt.name, tt.last, tt.base);
  }

  /** The groups' records from this walk's readings and the kept totals; gives the event loop a turn every few milliseconds. */
  private async report(
    alive: Map<number, ProcessReading | undefined>,
    btime: number | undefined,
  ): Promise<Omit<WalkResult, 'scrape' | 'refused'>> {
    const exporter = this.sinceTracking;
    const groups = new Map<string, GroupTotals>();
    const group = (name: string): GroupTotals => {
      let g = groups.get(name);
      if (!g) {
        g = {
          record: {
            groupname: name,
            num_procs: 0,
            num_threads: 0,
            cpu: { user: 0, system: 0 },
            io: {},
            faults: { major: 0, minor: 0 },
            ctx: { voluntary: 0, nonvoluntary: 0 },
            // Ours: no proportional memory sample when no member's smaps is readable (process-exporter: 0).
            memory: {
              resident: 0,
              virtual: 0,
              swapped: 0,
              ...(this.spec.gatherSmaps && exporter ? { proportionalResident: 0, proportionalSwapped: 0 } : {}),
            },
            open_fds: 0,
            worst_fd_ratio: exporter ? 0 : undefined,
            states: noStates(),
            wchans: {},
          },
          counts: zero(),
          members: 0,
        };
        groups.set(name, g);
      }
      return g;
    };
    const threadTotals = new Map<string, ThreadTotals>();
    const threadName = (groupname: string, name: string): { count: number; counts: Counts } => {
      let byName = threadTotals.get(groupname);
      if (!byName) threadTotals.set(groupname, (byName = new Map<string, { count: number; counts: Counts }>()));
      let totals = byName.get(name);
      if (!totals) byName.set(name, (totals = { count: 0, counts: { ...zero(), read: 0, write: 0 } }));
      return totals;
    };
    let since = performance.now();
    for (const [pid, reading] of alive) {
      if (performance.now() - since >= YIELD_EVERY_MS) {
        await yieldToEventLoop();
        since = performance.now();
      }
      const t = this.tracked.get(pid)!;
      const g = group(t.group);
      g.members++;
      addDifference(g.counts, t.last, t.base);
      for (const tt of t.threads.values()) {
        if (!tt.visible) continue;
        const totals = threadName(t.group, tt.name);
        totals.count++;
        addDifference(totals.counts, tt.last, tt.base);
      }
      if (!reading) continue; // alive, unreadable now: counted, not measured
      const r = g.record;
      r.num_procs++;
      r.num_threads += reading.numThreads;
      r.memory.resident += reading.resident;
      r.memory.virtual += reading.virtual;
      r.memory.swapped += reading.swapped;
      if (this.spec.gatherSmaps && (exporter || reading.pss !== undefined)) {
        r.memory.proportionalResident = (r.memory.proportionalResident ?? 0) + (reading.pss ?? 0);
        r.memory.proportionalSwapped = (r.memory.proportionalSwapped ?? 0) + (reading.swapPss ?? 0);
      }
      r.open_fds += reading.openFds ?? 0;
      if (reading.openFds !== undefined && reading.fdLimit !== undefined && reading.fdLimit > 0) {
        const ratio = reading.openFds / reading.fdLimit;
        if (r.worst_fd_ratio === undefined || ratio > r.worst_fd_ratio) r.worst_fd_ratio = ratio;
      }
      r.states[reading.state]++;
      if (reading.wchan !== undefined && reading.wchan !== '0') r.wchans[reading.wchan] = (r.wchans[reading.wchan] ?? 0) + 1;
      for (const th of reading.threads ?? []) {
        // process-exporter counts each thread's state and wait channel beside its process's.
        if (exporter) r.states[th.state]++;
        if (th.wchan !== undefined && th.wchan !== '' && th.wchan !== '0') r.wchans[th.wchan] = (r.wchans[th.wchan] ?? 0) + 1;
      }
      if (btime !== undefined) {
        const start = btime + t.starttime / CLOCK_TICKS;
        const shown = exporter ? Math.floor(start) : start;
        if (r.oldest_start_time === undefined || shown < r.oldest_start_time) r.oldest_start_time = shown;
      }
    }
    for (const [name, totals] of this.exited) addDifference(group(name).counts, totals, undefined);
    for (const [name, byName] of this.exitedThreads) {
      for (const [thread, counts] of byName) addDifference(threadName(name, thread).counts, counts, undefined);
    }
    for (const name of this.exitedThreads.keys()) group(name);
    const out: GroupRecord[] = [];
    for (const [name, g] of groups) {
      if (g.members === 0 && this.spec.removeEmptyGroups) {
        this.exited.delete(name);
        this.exitedThreads.delete(name);
        threadTotals.delete(name);
        continue;
      }
      const r = g.record;
      const c = g.counts;
      r.cpu = { user: c.user / CLOCK_TICKS, system: c.system / CLOCK_TICKS };
      r.io = exporter || c.read !== undefined || c.write !== undefined ? { read: c.read ?? 0, write: c.write ?? 0 } : {};
      r.faults = { major: c.majflt, minor: c.minflt };
      r.ctx = { voluntary: c.voluntary, nonvoluntary: c.nonvoluntary };
      out.push(r);
    }
    const threads: ThreadRecord[] = [];
    if (this.spec.threads) {
      for (const [groupname, byName] of threadTotals) {
        for (const [threadname, { count, counts }] of byName) {
          threads.push({
            groupname,
            threadname,
            thread_count: count,
            cpu: { user: counts.user / CLOCK_TICKS, system: counts.system / CLOCK_TICKS },
            io: { read: counts.read ?? 0, write: counts.write ?? 0 },
            faults: { major: counts.majflt, minor: counts.minflt },
            ctx: { voluntary: counts.voluntary, nonvoluntary: counts.nonvoluntary },
          });
        }
      }
    }
    return { groups: out, threads };
  }
}
