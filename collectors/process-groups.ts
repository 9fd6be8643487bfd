/**
 * Process groups (`process_groups:` in config.yaml), as process-exporter
 * does them: each process is put in the first group whose matcher accepts it
 * (comm, exe basename, cmdline regexes with named captures usable in the
 * group name); unmatched processes are not exported. Per group, summed over
 * its members: procfs_group_num_procs, _num_threads, _cpu_seconds_total{mode},
 * _memory_bytes{memtype}, _io_{read,write}_bytes_total (where readable),
 * _open_fds, _context_switches_total{ctxswitchtype},
 * _oldest_start_time_seconds, _states{state}; label `groupname`.
 *
 * The configuration validates the groups (src/config/schema.ts) and this
 * factory makes one CollectorDefinition (`process_groups`) whose `gather`
 * walks the processes (each one's stat, status, io through their parsers) and
 * returns one record per group, which ordinary mappings turn into metrics: the
 * scheduler and mapper are the built-in collectors'. The boot time (for the
 * oldest start time) is /proc/stat's btime, read through the stat parser.
 *
 * Counters never go backwards when a member exits: the walk keeps each
 * process's last counters (by pid and start time) and, when it is gone, adds
 * them to its group's "exited" totals (process-exporter does the same). A
 * process keeps the group it was first seen in. A group once seen stays,
 * with num_procs 0, when its last member has gone.
 */
import {
  defineCollector,
  GROUP_NAME_TEMPLATE,
  isDenied,
  isGone,
  mapping,
  walkProcesses,
  type CollectorDefinition,
  type CollectorInput,
  type GatherContext,
  type ProcessGroupSpec,
  type ProcessRecord,
  type ProcFs,
  type ReadRecords,
} from '../src/collector';
import type { StatRecord } from '../src/parsers/pid/stat';
import type { StatusRecord } from '../src/parsers/pid/status';
import type { IoRecord } from '../src/parsers/pid/io';
import type { StatRecord as SystemStatRecord } from '../src/parsers/stat';

/** USER_HZ: /proc reports times in 1/100 s on every architecture. */
const CLOCK_TICKS = 100;
const STATES = ['Running', 'Sleeping', 'Waiting', 'Zombie', 'Other'] as const;

export interface GroupMatcher {
  /** Group name template: `{{.Comm}}`, `{{.ExeBase}}`, `{{.ExeFull}}`, `{{.PID}}`, `{{.Matches.<capture>}}`. */
  name: string;
  comm?: readonly string[];
  exe?: readonly string[];
  cmdline?: readonly RegExp[];
}

interface ProcessFacts {
  pid: number;
  comm: string;
  exe: string;
  argv: readonly string[];
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}

/** The group of a process under these matchers (first match wins), or undefined. */
export function groupOf(matchers: readonly GroupMatcher[], p: ProcessFacts): string | undefined {
  const exeFull = p.exe !== '' ? p.exe : p.argv[0] ?? '';
  const exeBase = exeFull !== '' ? basename(exeFull) : p.comm;
  for (const m of matchers) {
    if (m.comm && !m.comm.includes(p.comm)) continue;
    if (m.exe && !m.exe.some((e) => (e.includes('/') ? e === exeFull : e === exeBase))) continue;
    const matches: Record<string, string> = {};
    if (m.cmdline) {
      const line = p.argv.join(' ');
      let ok = true;
      for (const re of m.cmdline) {
        const r = re.exec(line);
        if (!r) {
          ok = false;
          break;
        }
        for (const [k, v] of Object.entries(r.groups ?? {})) if (v !== undefined) matches[k] = v;
      }
      if (!ok) continue;
    }
    return m.name.replace(GROUP_NAME_TEMPLATE, (_, variable: string, sub: string | undefined) => {
      if (variable === 'Matches') return matches[sub ?? ''] ?? '';
      if (variable === 'Comm') return p.comm;
      if (variable === 'ExeBase') return exeBase;
      if (variable === 'ExeFull') return exeFull;
      if (variable === 'PID') return String(p.pid);
      return '';
    });
  }
  return undefined;
}

interface Counters {
  /** Clock ticks (summed as integers, divided once: no 0.060000000000000005). */
  user: number;
  system: number;
  read?: number;
  write?: number;
  voluntary: number;
  nonvoluntary: number;
}

interface Tracked {
  group: string;
  starttime: number;
  last: Counters;
}

/** One group's values: the record the mappings read. */
export interface GroupRecord {
  groupname: string;
  num_procs: number;
  num_threads: number;
  cpu: { user: number; system: number };
  memory: { resident: number; virtual: number; swapped: number };
  io: { read?: number; write?: number };
  open_fds: number;
  ctx: { voluntary: number; nonvoluntary: number };
  oldest_start_time?: number;
  states: Record<(typeof STATES)[number], number>;
}

function stateName(letter: string): (typeof STATES)[number] {
  if (letter === 'R') return 'Running';
  if (letter === 'S') return 'Sleeping';
  if (letter === 'D') return 'Waiting';
  if (letter === 'Z') return 'Zombie';
  return 'Other';
}

function addCounters(into: Counters, c: Counters): void {
  into.user += c.user;
  into.system += c.system;
  if (c.read !== undefined) into.read = (into.read ?? 0) + c.read;
  if (c.write !== undefined) into.write = (into.write ?? 0) + c.write;
  into.voluntary += c.voluntary;
  into.nonvoluntary += c.nonvoluntary;
}

const zero = (): Counters => ({ user: 0, system: 0, voluntary: 0, nonvoluntary: 0 });

/** /proc/stat's btime, through the stat parser; undefined without it (no oldest_start_time then). */
async function bootTime(read: ReadRecords): Promise<number | undefined> {
  try {
    const records = await read<SystemStatRecord>('stat', 'optional');
    const btime = records?.find((r) => r.kind === 'value' && r.name === 'btime');
    return btime?.kind === 'value' ? btime.value : undefined;
  } catch {
    return undefined; // unreadable or malformed: the group metrics do not depend on it
  }
}

function openFds(procfs: ProcFs, pid: number): number | undefined {
  try {
    return procfs.list(`${pid}/fd`).length;
  } catch (error) {
    if (isDenied(error) || isGone(error)) return undefined;
    throw error;
  }
}

/** The walk and the bookkeeping of one process_groups collector (state lives as long as the config). */
export class ProcessGroupTracker {
  private readonly tracked = new Map<number, Tracked>();
  private readonly exited = new Map<string, Counters>();
  private readonly files: string[];

  constructor(private readonly matchers: readonly GroupMatcher[]) {
    const needs = (re: RegExp): boolean => matchers.some((m) => re.test(m.name));
    const wantExe = matchers.some((m) => m.exe !== undefined) || needs(/\.Exe/);
    const wantArgv = wantExe || matchers.some((m) => m.cmdline !== undefined);
    this.files = ['pid/stat', 'pid/status', 'pid/io', ...(wantArgv ? ['pid/cmdline'] : []), ...(wantExe ? ['pid/exe'] : [])];
  }

  /** One walk: a GroupRecord per group seen so far. */
  async collect(procfs: ProcFs, read: ReadRecords, pageSize: number): Promise<GroupRecord[]> {
    const btime = await bootTime(read);
    const groups = new Map<string, GroupRecord>();
    const live = new Map<string, Counters>();
    const group = (name: string): GroupRecord => {
      let g = groups.get(name);
      if (!g) {
        g = {
          groupname: name,
          num_procs: 0,
          num_threads: 0,
          cpu: { user: 0, system: 0 },
          memory: { resident: 0, virtual: 0, swapped: 0 },
          io: {},
          open_fds: 0,
          ctx: { voluntary: 0, nonvoluntary: 0 },
          states: { Running: 0, Sleeping: 0, Waiting: 0, Zombie: 0, Other: 0 },
        };
        groups.set(name, g);
        live.set(name, zero());
      }
      return g;
    };
    const seen = new Set<number>();
    for await (const p of walkProcesses({ procfs, files: this.files })) {
      const rec = p as ProcessRecord;
      const stat = (rec.files['pid/stat'] as StatRecord[] | undefined)?.[0];
      if (!stat) continue; // no stat (malformed): nothing to count
      const previous = this.tracked.get(p.pid);
      if (previous && previous.starttime !== stat.starttime) {
        this.retire(previous); // the pid was reused: the old process has gone
        this.tracked.delete(p.pid);
      }
      let name = previous && previous.starttime === stat.starttime ? previous.group : undefined;
      if (name === undefined) {
        const exe = (rec.files['pid/exe'] as { target?: string }[] | undefined)?.[0]?.target ?? '';
        const argv = (rec.files['pid/cmdline'] as { argv: string[] }[] | undefined)?.[0]?.argv ?? [];
        name = groupOf(this.matchers, { pid: p.pid, comm: stat.comm, exe, argv });
        if (name === undefined) continue;
      }
      const status = (rec.files['pid/status'] as StatusRecord[] | undefined)?.[0];
      const io = (rec.files['pid/io'] as IoRecord[] | undefined)?.[0];
      const last = this.tracked.get(p.pid)?.last;
      // A process's own counters only grow; keep the last value when a file is unreadable now.
      const counters: Counters = {
        user: Math.max(stat.utime, last?.user ?? 0),
        system: Math.max(stat.stime, last?.system ?? 0),
        read: io?.read_bytes ?? last?.read,
        write: io?.write_bytes ?? last?.write,
        voluntary: Math.max(Number(status?.voluntary_ctxt_switches ?? 0), last?.voluntary ?? 0),
        nonvoluntary: Math.max(Number(status?.nonvoluntary_ctxt_switches ?? 0), last?.nonvoluntary ?? 0),
      };
      this.tracked.set(p.pid, { group: name, starttime: stat.starttime, last: counters });
      seen.add(p.pid);
      const g = group(name);
      addCounters(live.get(name)!, counters);
      g.num_procs++;
      g.num_threads += stat.num_threads;
      g.memory.resident += stat.rss * pageSize;
      g.memory.virtual += stat.vsize;
      g.memory.swapped += (status?.kB?.VmSwap ?? 0) * 1024;
      g.open_fds += openFds(procfs, p.pid) ?? 0;
      g.states[stateName(stat.state)]++;
      if (btime !== undefined) {
        const start = btime + stat.starttime / CLOCK_TICKS;
        if (g.oldest_start_time === undefined || start < g.oldest_start_time) g.oldest_start_time = start;
      }
    }
    for (const [pid, t] of this.tracked) {
      if (seen.has(pid)) continue;
      this.retire(t);
      this.tracked.delete(pid);
    }
    for (const name of this.exited.keys()) group(name);
    for (const [name, g] of groups) {
      const total = zero();
      addCounters(total, live.get(name)!);
      const gone = this.exited.get(name);
      if (gone) addCounters(total, gone);
      g.cpu = { user: total.user / CLOCK_TICKS, system: total.system / CLOCK_TICKS };
      g.io = { read: total.read, write: total.write };
      g.ctx = { voluntary: total.voluntary, nonvoluntary: total.nonvoluntary };
    }
    return [...groups.values()];
  }

  private retire(t: Tracked): void {
    let totals = this.exited.get(t.group);
    if (!totals) {
      totals = zero();
      this.exited.set(t.group, totals);
    }
    addCounters(totals, t.last);
  }
}

const INPUT = 'process_groups';
const byGroup = { groupname: 'groupname' } as const;

/** The process_groups collector for these groups (a fresh tracker: counters start from the processes alive now). */
export function processGroupsCollector(groups: readonly ProcessGroupSpec[]): CollectorDefinition {
  const tracker = new ProcessGroupTracker(groups.map((g) => ({ ...g, cmdline: g.cmdline?.map((source) => new RegExp(source)) })));
  const gauge = (name: string, help: string, value: string) => mapping<GroupRecord>({ from: INPUT, name, help, type: 'gauge', labels: byGroup, value });
  return defineCollector({
    name: 'process_groups',
    description: 'Per-process-group metrics (process_groups in config.yaml).',
    defaultEnabled: true,
    reads: { stat: 'optional', 'pid/stat': 'required', 'pid/status': 'optional', 'pid/io': 'optional' },
    gather: async ({ procfs, read, env }: GatherContext): Promise<CollectorInput> => ({ [INPUT]: await tracker.collect(procfs, read, env.pageSize) }),
    metrics: [
      gauge('procfs_group_num_procs', 'Number of processes in this group.', 'num_procs'),
      gauge('procfs_group_num_threads', 'Number of threads in this group.', 'num_threads'),
      mapping<GroupRecord>({
        from: INPUT,
        each: 'cpu',
        name: 'procfs_group_cpu_seconds_total',
        help: 'CPU seconds used by this group, including exited members.',
        type: 'counter',
        labels: { ...byGroup, mode: '$key' },
      }),
      mapping<GroupRecord>({
        from: INPUT,
        each: 'memory',
        name: 'procfs_group_memory_bytes',
        help: 'Memory of this group in bytes (resident, virtual, swapped).',
        type: 'gauge',
        labels: { ...byGroup, memtype: '$key' },
      }),
      mapping<GroupRecord>({
        from: INPUT,
        name: 'procfs_group_io_read_bytes_total',
        help: 'Bytes read from storage by this group (members whose io is readable), including exited members.',
        type: 'counter',
        labels: byGroup,
        value: 'io.read',
      }),
      mapping<GroupRecord>({
        from: INPUT,
        name: 'procfs_group_io_write_bytes_total',
        help: 'Bytes written to storage by this group (members whose io is readable), including exited members.',
        type: 'counter',
        labels: byGroup,
        value: 'io.write',
      }),
      gauge('procfs_group_open_fds', 'Open file descriptors of this group (members whose fd directory is readable).', 'open_fds'),
      mapping<GroupRecord>({
        from: INPUT,
        each: 'ctx',
        name: 'procfs_group_context_switches_total',
        help: 'Context switches of this group, including exited members.',
        type: 'counter',
        labels: { ctxswitchtype: '$key', ...byGroup },
      }),
      gauge('procfs_group_oldest_start_time_seconds', 'Start time of the oldest process of this group, in seconds since the epoch.', 'oldest_start_time'),
      mapping<GroupRecord>({
        from: INPUT,
        each: 'states',
        name: 'procfs_group_states',
        help: 'Number of processes of this group in each state (Running, Sleeping, Waiting, Zombie, Other).',
        type: 'gauge',
        labels: { ...byGroup, state: '$key' },
      }),
    ],
  });
}
