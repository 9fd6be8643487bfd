/**
 * cpu: CPU time per CPU and mode from /proc/stat, as node_exporter's cpu
 * collector: node_cpu_seconds_total{cpu,mode} (user nice system idle iowait
 * irq softirq steal; USER_HZ ticks / 100 → seconds) and, with `guest` (default
 * on), node_cpu_guest_seconds_total{cpu,mode="user"|"nice"}. Only the cpuN
 * lines (the sum line is left to PromQL, as there). A column an old kernel does
 * not print is 0, as procfs leaves it.
 *
 * Counters that go backwards (iowait does, by design; some hypervisors' steal)
 * are clamped as node_exporter does, with state kept between runs: each mode
 * keeps the largest value seen; when idle drops by 3 s or more the CPU is
 * taken as hot-plugged and its stored values reset; a CPU that goes offline is
 * forgotten (its series vanish) and starts afresh when it comes back.
 *
 * With `info` (--collector.cpu.info; implied by either include regexp) it also
 * exports node_cpu_info from /proc/cpuinfo (one series per processor) and, from
 * the first processor, node_cpu_flag_info{flag} / node_cpu_bug_info{bug} for
 * the flags / bugs matching infoFlagsInclude / infoBugsInclude (none when unset).
 * Differences: the include flags are --collector.cpu.info-flags-include and
 * info-bugs-include (node_exporter: info.flags-include; option names cannot hold
 * a dot); /proc/cpuinfo is optional (no info series without it, where
 * node_exporter fails the run) and, as there, read only with info on: parsing
 * every processor's flags was about 40 % of the collector's CPU at 128 CPUs
 * (npm run bench, scaling).
 * Left out (sysfs, not /proc): node_cpu_isolated, node_cpu_core_throttles_total,
 * node_cpu_package_throttles_total, node_cpu_online; cpu frequency is the
 * cpufreq collector's (sysfs).
 * node_exporter: collector/cpu_linux.go, cpu_common.go.
 */
import type { CpuinfoRecord } from '../src/parsers/cpuinfo';
import type { StatCpuRecord, StatRecord } from '../src/parsers/stat';
import { defineCollector, mapping, type CollectorState, type MappingContext, type MetricMapping } from '../src/collector';

/** USER_HZ: the unit of /proc/stat's CPU times. */
const USER_HZ = 100;
/** An idle drop at least this large (seconds) means a hot-plugged CPU: node_exporter's jumpBackSeconds. */
const JUMP_BACK_SECONDS = 3;

const MODES = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal', 'guest', 'guest_nice'] as const;
type Mode = (typeof MODES)[number];
/** Clamped CPU times of one CPU, in ticks. */
export type CpuTimes = Record<Mode, number>;
/** What the transform hands the mappings: one record per CPU. */
export interface CpuRecord {
  cpu: string;
  times: CpuTimes;
  guest: { user: number; nice: number };
}

const zero = (): CpuTimes => Object.fromEntries(MODES.map((m) => [m, 0])) as CpuTimes;

/**
 * node_exporter's updateCPUStats(): merges this run's per-CPU times into the
 * stored ones (largest value per mode, reset on an idle jump back, offline CPUs
 * dropped) and returns the merged times.
 */
export function clampCpuTimes(previous: Map<string, CpuTimes>, current: readonly StatCpuRecord[]): Map<string, CpuTimes> {
  const next = new Map<string, CpuTimes>();
  for (const record of current) {
    const cpu = record.name.slice('cpu'.length);
    let stored = previous.get(cpu) ?? zero();
    if ((stored.idle - record.idle) / USER_HZ >= JUMP_BACK_SECONDS) stored = zero();
    const merged = zero();
    for (const mode of MODES) {
      const value = record[mode] ?? 0;
      merged[mode] = value >= stored[mode] ? value : stored[mode];
    }
    next.set(cpu, merged);
  }
  return next;
}

const isPerCpu = (r: StatRecord): r is StatCpuRecord => r.kind === 'cpu' && /^cpu\d+$/.test(r.name);
const infoEnabled = ({ options }: { options: MappingContext['options'] }): boolean =>
  options.info === true || Boolean(options.infoFlagsInclude) || Boolean(options.infoBugsInclude);

const seconds = (ticks: number): number => ticks / USER_HZ;

/** What the transform hands the cpuinfo mappings: processors, and the first processor's flags and bugs. */
export type CpuinfoItem = { kind: 'processor'; record: CpuinfoRecord } | { kind: 'flag' | 'bug'; value: string };

/** The processors, then the first processor's flags and bugs matching the include regexps (none when unset). */
function cpuinfoItems(records: readonly CpuinfoRecord[], flagsInclude: unknown, bugsInclude: unknown): CpuinfoItem[] {
  const processors = records.filter((r) => r.processor !== undefined);
  const items: CpuinfoItem[] = processors.map((record) => ({ kind: 'processor', record }));
  const first = processors[0];
  const add = (kind: 'flag' | 'bug', list: string[] | undefined, include: unknown): void => {
    if (typeof include !== 'string' || include === '') return;
    const re = new RegExp(include);
    for (const value of list ?? []) if (re.test(value)) items.push({ kind, value });
  };
  add('flag', first?.flags, flagsInclude);
  add('bug', first?.bugs, bugsInclude);
  return items;
}

const text = (v: unknown): string => (v === undefined ? '' : String(v));
const proc = (item: CpuinfoItem): CpuinfoRecord => (item.kind === 'processor' ? item.record : {});

/** node_cpu_flag_info / node_cpu_bug_info: one series per flag or bug of the first core. */
function firstCoreInfo(kind: 'flag' | 'bug'): MetricMapping<CpuinfoItem> {
  return mapping<CpuinfoItem>({
    from: 'cpuinfo',
    where: (item) => item.kind === kind,
    name: `node_cpu_${kind}_info`,
    help: `The \`${kind}s\` field of CPU information from /proc/cpuinfo taken from the first core.`,
    type: 'gauge',
    labels: { [kind]: 'value' },
    value: () => 1,
  });
}

export const cpu = defineCollector({
  name: 'cpu',
  description: 'CPU time per CPU and mode (/proc/stat); CPU information (/proc/cpuinfo).',
  defaultEnabled: true,
  reads: { stat: 'required', cpuinfo: 'optional' },
  options: {
    guest: { type: 'boolean', default: true, description: 'Enables metric node_cpu_guest_seconds_total.' },
    info: { type: 'boolean', default: false, description: 'Enables metric cpu_info.' },
    infoFlagsInclude: {
      type: 'regex',
      default: '',
      description: 'Filter the `flags` field in cpuInfo with a value that must be a regular expression.',
    },
    infoBugsInclude: {
      type: 'regex',
      default: '',
      description: 'Filter the `bugs` field in cpuInfo with a value that must be a regular expression.',
    },
  },
  gather: async ({ read, options }) => ({
    stat: await read('stat', 'required'),
    cpuinfo: infoEnabled({ options }) ? await read('cpuinfo', 'optional') : undefined,
  }),
  transform: (input, { state, options }) => {
    const s = state as CollectorState & { times?: Map<string, CpuTimes> };
    s.times = clampCpuTimes(s.times ?? new Map<string, CpuTimes>(), ((input.stat ?? []) as StatRecord[]).filter(isPerCpu));
    const cpus: CpuRecord[] = [...s.times].map(([id, times]) => ({ cpu: id, times, guest: { user: times.guest, nice: times.guest_nice } }));
    const cpuinfo = (input.cpuinfo ?? []) as CpuinfoRecord[];
    return {
      stat: cpus,
      cpuinfo: infoEnabled({ options }) ? cpuinfoItems(cpuinfo, options.infoFlagsInclude, options.infoBugsInclude) : undefined,
    };
  },
  metrics: [
    mapping<CpuRecord>({
      from: 'stat',
      each: 'times',
      only: ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'],
      name: 'node_cpu_seconds_total',
      help: 'Seconds the CPUs spent in each mode.',
      type: 'counter',
      labels: { cpu: 'cpu', mode: '$key' },
      value: ({ entry }) => seconds(entry as number),
    }),
    mapping<CpuRecord>({
      from: 'stat',
      where: (_r, { options }) => options.guest !== false,
      each: 'guest',
      name: 'node_cpu_guest_seconds_total',
      help: 'Seconds the CPUs spent in guests (VMs) for each mode.',
      type: 'counter',
      labels: { cpu: 'cpu', mode: '$key' },
      value: ({ entry }) => seconds(entry as number),
    }),
    mapping<CpuinfoItem>({
      from: 'cpuinfo',
      where: (item) => item.kind === 'processor',
      name: 'node_cpu_info',
      help: 'CPU information from /proc/cpuinfo.',
      type: 'gauge',
      // Label names in client_golang's (sorted) order; values as procfs reads them (text as written).
      labels: {
        cachesize: ({ record }) => {
          const kb = proc(record).cache_size_KB;
          return kb === undefined ? '' : `${kb} KB`;
        },
        core: ({ record }) => text(proc(record).core_id),
        cpu: ({ record }) => text(proc(record).processor),
        family: ({ record }) => text(proc(record).cpu_family),
        microcode: ({ record }) => text(proc(record).microcode),
        model: ({ record }) => text(proc(record).model),
        model_name: ({ record }) => text(proc(record).model_name),
        package: ({ record }) => text(proc(record).physical_id),
        stepping: ({ record }) => text(proc(record).stepping),
        vendor: ({ record }) => text(proc(record).vendor_id),
      },
      value: () => 1,
    }),
    firstCoreInfo('flag'),
    firstCoreInfo('bug'),
  ],
});
