/**
 * Process groups (`process_groups:` in config.yaml, or process-exporter's own
 * config file through `--config.process-exporter`), as process-exporter does
 * them: each process joins the first group whose matchers accept it (comm,
 * argv[0], cmdline regexes with named captures for the name template), or its
 * parent's group (`children`); the others are not exported. Per group, summed
 * over its members: processes, threads, CPU, io, page faults, context
 * switches, memory (proportional from smaps_rollup too), open fds and the
 * worst fd ratio, the oldest start time, states, wait channels; per thread
 * name of a group: the same counters (`threads`).
 *
 * The names are ours (`procfs_group_*`) or process-exporter 0.7.10's
 * (`namedprocess_namegroup_*`, `names: process-exporter`), with its help texts
 * and labels (groupname, mode, memtype, ctxswitchtype, state, wchan,
 * threadname, iomode) and its semantics: counters count from the walk that
 * first saw a process, states count threads beside their process, the oldest
 * start time is in whole seconds, and namedprocess_scrape_* is exported.
 * Ours keep the processes' own totals and count processes per state.
 *
 * The walk and its bookkeeping (counters that never go backwards, children,
 * threads, removal of empty groups) are process-groups/tracker.ts; matching
 * and names process-groups/matching.ts. The configuration validates the
 * groups (src/config/schema.ts) and this factory makes one
 * CollectorDefinition (`process_groups`) whose `gather` runs the walk and
 * returns one record per group and per thread name, which ordinary mappings
 * turn into metrics. More series than `maxSeries` fails the run.
 */
import {
  defineCollector,
  mapping,
  type CollectorDefinition,
  type CollectorInput,
  type GatherContext,
  type GroupNames,
  type MetricFamily,
  type MetricMapping,
  type ProcessGroupsSpec,
} from '../src/collector';
import { ProcessGroupTracker, STATES, type GroupRecord, type ScrapeCounters, type ThreadRecord } from './process-groups/tracker';

const GROUPS = 'process_groups';
const THREADS = 'process_groups_threads';
const SCRAPE = 'process_groups_scrape';

/** A metric under both names: [name, help] for ours and for process-exporter's. */
type Named = Record<GroupNames, readonly [string, string]>;

const N = {
  numProcs: {
    procfs: ['procfs_group_num_procs', 'Number of processes in this group.'],
    'process-exporter': ['namedprocess_namegroup_num_procs', 'number of processes in this group'],
  },
  numThreads: {
    procfs: ['procfs_group_num_threads', 'Number of threads in this group.'],
    'process-exporter': ['namedprocess_namegroup_num_threads', 'Number of threads'],
  },
  cpu: {
    procfs: ['procfs_group_cpu_seconds_total', 'CPU seconds used by this group, including exited members.'],
    'process-exporter': ['namedprocess_namegroup_cpu_seconds_total', 'Cpu user usage in seconds'],
  },
  readBytes: {
    procfs: [
      'procfs_group_io_read_bytes_total',
      'Bytes read from storage by this group (members whose io is readable), including exited members.',
    ],
    'process-exporter': ['namedprocess_namegroup_read_bytes_total', 'number of bytes read by this group'],
  },
  writeBytes: {
    procfs: [
      'procfs_group_io_write_bytes_total',
      'Bytes written to storage by this group (members whose io is readable), including exited members.',
    ],
    'process-exporter': ['namedprocess_namegroup_write_bytes_total', 'number of bytes written by this group'],
  },
  majorFaults: {
    procfs: ['procfs_group_major_page_faults_total', 'Major page faults of this group, including exited members.'],
    'process-exporter': ['namedprocess_namegroup_major_page_faults_total', 'Major page faults'],
  },
  minorFaults: {
    procfs: ['procfs_group_minor_page_faults_total', 'Minor page faults of this group, including exited members.'],
    'process-exporter': ['namedprocess_namegroup_minor_page_faults_total', 'Minor page faults'],
  },
  ctx: {
    procfs: ['procfs_group_context_switches_total', 'Context switches of this group (all threads), including exited members.'],
    'process-exporter': ['namedprocess_namegroup_context_switches_total', 'Context switches'],
  },
  memory: {
    procfs: [
      'procfs_group_memory_bytes',
      'Memory of this group in bytes (resident, virtual, swapped, proportionalResident, proportionalSwapped).',
    ],
    'process-exporter': ['namedprocess_namegroup_memory_bytes', 'number of bytes of memory in use'],
  },
  openFds: {
    procfs: ['procfs_group_open_fds', 'Open file descriptors of this group (members whose fd directory is readable).'],
    'process-exporter': ['namedprocess_namegroup_open_filedesc', 'number of open file descriptors for this group'],
  },
  worstFdRatio: {
    procfs: [
      'procfs_group_worst_fd_ratio',
      'The highest ratio of open file descriptors to the soft limit among the members of this group.',
    ],
    'process-exporter': [
      'namedprocess_namegroup_worst_fd_ratio',
      'the worst (closest to 1) ratio between open fds and max fds among all procs in this group',
    ],
  },
  oldest: {
    procfs: ['procfs_group_oldest_start_time_seconds', 'Start time of the oldest process of this group, in seconds since the epoch.'],
    'process-exporter': [
      'namedprocess_namegroup_oldest_start_time_seconds',
      'start time in seconds since 1970/01/01 of oldest process in group',
    ],
  },
  states: {
    procfs: ['procfs_group_states', 'Number of processes of this group in each state (Running, Sleeping, Waiting, Zombie, Other).'],
    'process-exporter': ['namedprocess_namegroup_states', 'Number of processes in states Running, Sleeping, Waiting, Zombie, or Other'],
  },
  wchan: {
    procfs: ['procfs_group_threads_wchan', 'Number of threads of this group waiting in each kernel function (wchan).'],
    'process-exporter': ['namedprocess_namegroup_threads_wchan', 'Number of threads in this group waiting on each wchan'],
  },
  threadCount: {
    procfs: ['procfs_group_thread_count', 'Number of threads of this group with this name (processes with two threads or more).'],
    'process-exporter': ['namedprocess_namegroup_thread_count', 'Number of threads in this group with same threadname'],
  },
  threadCpu: {
    procfs: ['procfs_group_thread_cpu_seconds_total', 'CPU seconds used by the threads of this group with this name.'],
    'process-exporter': ['namedprocess_namegroup_thread_cpu_seconds_total', 'Cpu user/system usage in seconds'],
  },
  threadIo: {
    procfs: ['procfs_group_thread_io_bytes_total', 'Bytes read from and written to storage by the threads of this group with this name.'],
    'process-exporter': ['namedprocess_namegroup_thread_io_bytes_total', 'number of bytes read/written by these threads'],
  },
  threadMajorFaults: {
    procfs: ['procfs_group_thread_major_page_faults_total', 'Major page faults of the threads of this group with this name.'],
    'process-exporter': ['namedprocess_namegroup_thread_major_page_faults_total', 'Major page faults for these threads'],
  },
  threadMinorFaults: {
    procfs: ['procfs_group_thread_minor_page_faults_total', 'Minor page faults of the threads of this group with this name.'],
    'process-exporter': ['namedprocess_namegroup_thread_minor_page_faults_total', 'Minor page faults for these threads'],
  },
  threadCtx: {
    procfs: ['procfs_group_thread_context_switches_total', 'Context switches of the threads of this group with this name.'],
    'process-exporter': ['namedprocess_namegroup_thread_context_switches_total', 'Context switches for these threads'],
  },
} satisfies Record<string, Named>;

/** process-exporter's scrape counters (its names lack `_total`: built as families, which keep them). */
const SCRAPE_FAMILIES: readonly [keyof ScrapeCounters, string, string][] = [
  ['errors', 'namedprocess_scrape_errors', 'general scrape errors: no proc metrics collected during a cycle'],
  [
    'partial',
    'namedprocess_scrape_partial_errors',
    "incremented each time a tracked proc's metrics collection fails partially, e.g. unreadable I/O stats",
  ],
  ['procread', 'namedprocess_scrape_procread_errors', "incremented each time a proc's metrics collection fails"],
];

/** The mappings for one set of names. Labels in alphabetical order, as client_golang prints them. */
function metrics(names: GroupNames, threads: boolean): MetricMapping[] {
  const n = (m: Named): { name: string; help: string } => ({ name: m[names][0], help: m[names][1] });
  const byGroup = { groupname: 'groupname' } as const;
  const group = (m: Named, type: 'gauge' | 'counter', value: string): MetricMapping =>
    mapping<GroupRecord>({ from: GROUPS, ...n(m), type, labels: byGroup, value });
  const out: MetricMapping[] = [
    group(N.numProcs, 'gauge', 'num_procs'),
    group(N.numThreads, 'gauge', 'num_threads'),
    mapping<GroupRecord>({ from: GROUPS, each: 'cpu', ...n(N.cpu), type: 'counter', labels: { ...byGroup, mode: '$key' } }),
    group(N.readBytes, 'counter', 'io.read'),
    group(N.writeBytes, 'counter', 'io.write'),
    group(N.majorFaults, 'counter', 'faults.major'),
    group(N.minorFaults, 'counter', 'faults.minor'),
    mapping<GroupRecord>({ from: GROUPS, each: 'ctx', ...n(N.ctx), type: 'counter', labels: { ctxswitchtype: '$key', ...byGroup } }),
    mapping<GroupRecord>({ from: GROUPS, each: 'memory', ...n(N.memory), type: 'gauge', labels: { ...byGroup, memtype: '$key' } }),
    group(N.openFds, 'gauge', 'open_fds'),
    group(N.worstFdRatio, 'gauge', 'worst_fd_ratio'),
    group(N.oldest, 'gauge', 'oldest_start_time'),
    mapping<GroupRecord>({
      from: GROUPS,
      each: 'states',
      only: STATES,
      ...n(N.states),
      type: 'gauge',
      labels: { ...byGroup, state: '$key' },
    }),
    mapping<GroupRecord>({ from: GROUPS, each: 'wchans', ...n(N.wchan), type: 'gauge', labels: { ...byGroup, wchan: '$key' } }),
  ];
  if (!threads) return out;
  const byThread = { groupname: 'groupname', threadname: 'threadname' } as const;
  const thread = (m: Named, type: 'gauge' | 'counter', value: string): MetricMapping =>
    mapping<ThreadRecord>({ from: THREADS, ...n(m), type, labels: byThread, value });
  out.push(
    thread(N.threadCount, 'gauge', 'thread_count'),
    mapping<ThreadRecord>({
      from: THREADS,
      each: 'cpu',
      ...n(N.threadCpu),
      type: 'counter',
      labels: { groupname: 'groupname', mode: '$key', threadname: 'threadname' },
    }),
    mapping<ThreadRecord>({
      from: THREADS,
      each: 'io',
      ...n(N.threadIo),
      type: 'counter',
      labels: { groupname: 'groupname', iomode: '$key', threadname: 'threadname' },
    }),
    thread(N.threadMajorFaults, 'counter', 'faults.major'),
    thread(N.threadMinorFaults, 'counter', 'faults.minor'),
    mapping<ThreadRecord>({
      from: THREADS,
      each: 'ctx',
      ...n(N.threadCtx),
      type: 'counter',
      labels: { ctxswitchtype: '$key', ...byThread },
    }),
  );
  return out;
}

/** The process_groups collector for this spec (a fresh tracker: state starts with the configuration). */
export function processGroupsCollector(spec: ProcessGroupsSpec): CollectorDefinition {
  const tracker = new ProcessGroupTracker(spec);
  const exporterNames = spec.names === 'process-exporter';
  return defineCollector({
    name: 'process_groups',
    description: "Per-process-group metrics (process_groups in config.yaml, or process-exporter's config file).",
    defaultEnabled: true,
    reads: {
      stat: 'optional',
      'pid/stat': 'required',
      'pid/status': 'optional',
      'pid/io': 'optional',
      'pid/limits': 'optional',
      'pid/wchan': 'optional',
      'pid/cmdline': 'optional',
      ...(spec.gatherSmaps ? { 'pid/smaps_rollup': 'optional', 'pid/smaps': 'optional' } : {}),
    },
    gather: async ({ procfs, rootfs, read, env }: GatherContext): Promise<CollectorInput> => {
      const walk = await tracker.collect(procfs, rootfs, read, env.pageSize);
      if (walk.refused > 0) {
        throw new Error(
          `process_groups: ${walk.refused} processes would make groups beyond the limit of ${spec.maxSeries} series` +
            ' (names with {{.PID}} or {{.StartTime}} make a group per process: set removeEmptyGroups, or raise maxSeries)',
        );
      }
      return { [GROUPS]: walk.groups, [THREADS]: walk.threads, [SCRAPE]: [walk.scrape] };
    },
    maxSeries: spec.maxSeries,
    maxSeriesHint: 'names with {{.PID}} or {{.StartTime}} make a group per process: set removeEmptyGroups, or raise maxSeries',
    metrics: metrics(spec.names, spec.threads),
    ...(exporterNames
      ? {
          families: (input: CollectorInput): MetricFamily[] => {
            const scrape = (input[SCRAPE]?.[0] ?? { errors: 0, partial: 0, procread: 0 }) as ScrapeCounters;
            return SCRAPE_FAMILIES.map(([key, name, help]) => ({
              name,
              help,
              type: 'counter' as const,
              samples: [{ labels: {}, value: scrape[key] }],
            }));
          },
          familyNames: SCRAPE_FAMILIES.map(([, name]) => name),
        }
      : {}),
  });
}
