/**
 * /proc/schedstat — scheduler statistics per CPU and per scheduling domain.
 * Kernel: kernel/sched/stats.c, show_schedstat() (kernel/sched_stats.h on 3.2); fields in
 *   Documentation/scheduler/sched-stats.rst. "version %d", "timestamp %lu" (jiffies), then per CPU
 *   "cpu%d %u 0 %u %u %u %u %llu %llu %lu" followed by its "domain%d [NAME] MASK" lines: 8 (v15, v16)
 *   or 11 (v17) load-balancing counters for each of the three idle types, then 12 more counters.
 * Sample: "cpu0 368 0 849017334 391899617 389675202 208342037 57745968832331 2961961398290 456932143"
 *
 * One record per CPU, its domains nested. Version 15 orders the idle types
 * idle, busy, newly_idle; 16 and 17 busy, idle, newly_idle — the names here
 * follow the version. A version this parser does not know keeps each
 * domain's counters unnamed in `values`. The version 17 fixture is synthetic
 * (this machine has no /proc/schedstat); it follows show_schedstat() of Linux 6.13+.
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface SchedstatDomain {
  domain: number;
  /** Domain name (SMT, MC, PKG, NUMA, …): version 17 on. */
  name?: string;
  /** CPUs the domain spans, as the kernel prints the mask. */
  cpumask: string;
  /** Load-balancing counters per idle type: `lb.idle.lb_count`, `lb.busy…`, `lb.newly_idle…`. */
  lb?: Record<'idle' | 'busy' | 'newly_idle', Record<string, number>>;
  alb_count?: number;
  alb_failed?: number;
  alb_pushed?: number;
  sbe_count?: number;
  sbe_balanced?: number;
  sbe_pushed?: number;
  sbf_count?: number;
  sbf_balanced?: number;
  sbf_pushed?: number;
  ttwu_wake_remote?: number;
  ttwu_move_affine?: number;
  ttwu_move_balance?: number;
  /** The counters, unnamed, of a version this parser does not know. */
  values?: number[];
}

export interface SchedstatRecord {
  version: number;
  /** Jiffies when the file was produced. */
  timestamp: number;
  cpu: number;
  yld_count: number;
  /** Legacy array expiration count, always 0. */
  array_exp: number;
  sched_count: number;
  sched_goidle: number;
  ttwu_count: number;
  ttwu_local: number;
  /** Time tasks ran on this CPU, ns. */
  rq_cpu_time: number;
  /** Time tasks waited to run on this CPU, ns. */
  run_delay: number;
  /** Timeslices run on this CPU. */
  pcount: number;
  domains: SchedstatDomain[];
}

const CPU_FIELDS = [
  'yld_count',
  'array_exp',
  'sched_count',
  'sched_goidle',
  'ttwu_count',
  'ttwu_local',
  'rq_cpu_time',
  'run_delay',
  'pcount',
] as const;
const LB_V15 = ['lb_count', 'lb_balanced', 'lb_failed', 'lb_imbalance', 'lb_gained', 'lb_hot_gained', 'lb_nobusyq', 'lb_nobusyg'];
const LB_V17 = [
  'lb_count',
  'lb_balanced',
  'lb_failed',
  'lb_imbalance_load',
  'lb_imbalance_util',
  'lb_imbalance_task',
  'lb_imbalance_misfit',
  'lb_gained',
  'lb_hot_gained',
  'lb_nobusyq',
  'lb_nobusyg',
];
const DOMAIN_TAIL = [
  'alb_count',
  'alb_failed',
  'alb_pushed',
  'sbe_count',
  'sbe_balanced',
  'sbe_pushed',
  'sbf_count',
  'sbf_balanced',
  'sbf_pushed',
  'ttwu_wake_remote',
  'ttwu_move_affine',
  'ttwu_move_balance',
] as const;

interface Layout {
  named: boolean;
  lb: readonly string[];
  idleTypes: readonly ('idle' | 'busy' | 'newly_idle')[];
}

const LAYOUTS: Record<number, Layout> = {
  15: { named: false, lb: LB_V15, idleTypes: ['idle', 'busy', 'newly_idle'] },
  16: { named: false, lb: LB_V15, idleTypes: ['busy', 'idle', 'newly_idle'] },
  17: { named: true, lb: LB_V17, idleTypes: ['busy', 'idle', 'newly_idle'] },
};

export function parseSchedstat(text: string, file = 'schedstat'): SchedstatRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  const head = src.fieldsAt(0);
  if (head.length !== 2 || head[0] !== 'version') src.fail(0, 'expected "version N"');
  const version = src.int(head[1], 0, 'version');
  const layout: Layout | undefined = LAYOUTS[version];
  let timestamp: number | undefined;
  const records: SchedstatRecord[] = [];
  let current: SchedstatRecord | undefined;
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    const key = f[0];
    if (key === 'timestamp') {
      if (f.length !== 2) src.fail(i, 'expected "timestamp N"');
      timestamp = src.int(f[1], i, 'timestamp');
    } else if (key.startsWith('cpu')) {
      if (timestamp === undefined) src.fail(i, 'cpu line before the "timestamp" line');
      if (f.length < 1 + CPU_FIELDS.length) src.fail(i, `expected ${CPU_FIELDS.length} counters, found ${f.length - 1}`);
      const record = { version, timestamp, cpu: src.int(key.slice(3), i, 'cpu number') } as SchedstatRecord;
      const r = record as unknown as Record<string, number>;
      for (let c = 0; c < CPU_FIELDS.length; c++) r[CPU_FIELDS[c]] = src.int(f[c + 1], i, CPU_FIELDS[c]);
      if (f.length > 1 + CPU_FIELDS.length) src.fail(i, `expected ${CPU_FIELDS.length} counters, found ${f.length - 1}`);
      record.domains = [];
      records.push(record);
      current = record;
    } else if (key.startsWith('domain')) {
      if (current === undefined) src.fail(i, 'domain line before any cpu line');
      const domain = { domain: src.int(key.slice(6), i, 'domain number') } as SchedstatDomain;
      let t = 1;
      if (layout?.named) domain.name = src.str(f[t++], i, 'domain name');
      domain.cpumask = src.str(f[t++], i, 'cpumask');
      if (layout === undefined) {
        domain.values = f.slice(t).map((v) => src.int(v, i, 'counter'));
      } else {
        const expected = 3 * layout.lb.length + DOMAIN_TAIL.length;
        if (f.length - t !== expected) src.fail(i, `expected ${expected} counters for version ${version}, found ${f.length - t}`);
        const lb = {} as Record<'idle' | 'busy' | 'newly_idle', Record<string, number>>;
        for (const type of layout.idleTypes) {
          const counts: Record<string, number> = {};
          for (const name of layout.lb) counts[name] = src.int(f[t++], i, `${type} ${name}`);
          lb[type] = counts;
        }
        domain.lb = { idle: lb.idle, busy: lb.busy, newly_idle: lb.newly_idle };
        const d = domain as unknown as Record<string, number>;
        for (const name of DOMAIN_TAIL) d[name] = src.int(f[t++], i, name);
      }
      current.domains.push(domain);
    } else {
      src.fail(i, 'expected a "cpuN" or "domainN" line');
    }
  }
  return records;
}

export const schedstat = defineHandler<SchedstatRecord>({
  name: 'schedstat',
  summary: 'scheduler statistics per CPU, with its scheduling domains',
  parse: parseSchedstat,
});
