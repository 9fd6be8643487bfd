/**
 * /proc/stat — kernel/system statistics since boot.
 * Kernel: fs/proc/stat.c, show_stat().
 * Sample: "cpu0 339 0 107 21974 0 0 12 0 0 0", "intr 126616 0 0 …", "ctxt 302388"
 *
 * Records, one per line, told apart by `kind`:
 * - `cpu`: the `cpu` (all CPUs) and `cpuN` lines. Times are in USER_HZ ticks as
 *   printed, named as proc(5) documents them: user nice system idle iowait irq
 *   softirq steal guest guest_nice. Columns an older kernel does not print are
 *   absent; columns past guest_nice (a newer kernel) are kept in `extra`.
 * - `counts`: `intr` and `softirq`: `total` then the per-number counts in
 *   `counts` (index = IRQ number, or softirq number in the order of /proc/softirqs).
 * - `value`: a line with one number: ctxt, btime (epoch seconds), processes,
 *   procs_running, procs_blocked, and any such line a newer kernel adds.
 * - `values`: any other `name n n …` line (old kernels' `page`, `swap`).
 *
 * show_stat() always prints the all-CPU `cpu` line first, and every value is
 * unsigned (seq_put_decimal_ull): a file that does not start with it is not
 * /proc/stat — a copy of /proc/fs/xfs/stat (`extent_alloc 1 2 3 4`) or of
 * /sys/block/sda/stat (numbers only) is a ParseError at line 1, not records.
 * Line names are lowercase words (`cpuN` only for a CPU).
 */
import { defineHandler } from '../handler';
import { fields, Lines, requireContent } from './helpers';

export const CPU_FIELDS = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal', 'guest', 'guest_nice'] as const;
export type CpuField = (typeof CPU_FIELDS)[number];

export type StatCpuRecord = {
  kind: 'cpu';
  /** "cpu" for the sum over CPUs, "cpu0", "cpu1", … per CPU. */
  name: string;
  extra?: number[];
} & { [F in 'user' | 'nice' | 'system' | 'idle']: number } & { [F in Exclude<CpuField, 'user' | 'nice' | 'system' | 'idle'>]?: number };

export interface StatCountsRecord {
  kind: 'counts';
  /** "intr" or "softirq". */
  name: string;
  total: number;
  counts: number[];
}

export interface StatValueRecord {
  kind: 'value';
  name: string;
  value: number;
}

export interface StatValuesRecord {
  kind: 'values';
  name: string;
  values: number[];
}

export type StatRecord = StatCpuRecord | StatCountsRecord | StatValueRecord | StatValuesRecord;

const CPU_NAME = /^cpu\d*$/;
const LINE_NAME = /^[a-z][a-z0-9_]*$/;

export function parseStat(text: string, file = 'stat'): StatRecord[] {
  const src = new Lines(file, text);
  requireContent(src, 'the all-CPU "cpu" line');
  const records: StatRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    const name = f[0];
    if (records.length === 0 && name !== 'cpu') src.fail(i, 'expected the all-CPU "cpu" line first (as /proc/stat starts)');
    if (!LINE_NAME.test(name))
      src.fail(i, `expected a line name, found ${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)}`);
    if (f.length < 2) src.fail(i, `"${name}" without a value`);
    if (name.startsWith('cpu')) {
      if (!CPU_NAME.test(name)) src.fail(i, `expected "cpu" or "cpuN", found ${JSON.stringify(name)}`);
      if (f.length < 5) src.fail(i, `expected at least user nice system idle, found ${f.length - 1} values`);
      const record: Record<string, unknown> = { kind: 'cpu', name };
      const n = Math.min(f.length - 1, CPU_FIELDS.length);
      for (let c = 0; c < n; c++) record[CPU_FIELDS[c]] = src.uint(f[c + 1], i, CPU_FIELDS[c]);
      if (f.length - 1 > CPU_FIELDS.length) {
        record.extra = f.slice(CPU_FIELDS.length + 1).map((t, c) => src.uint(t, i, `column ${CPU_FIELDS.length + c + 2}`));
      }
      records.push(record as StatCpuRecord);
    } else if (name === 'intr' || name === 'softirq') {
      const counts = new Array<number>(f.length - 2);
      for (let c = 2; c < f.length; c++) counts[c - 2] = src.uint(f[c], i, `${name} count ${c - 2}`);
      records.push({ kind: 'counts', name, total: src.uint(f[1], i, `${name} total`), counts });
    } else if (f.length === 2) {
      records.push({ kind: 'value', name, value: src.uint(f[1], i, name) });
    } else {
      records.push({ kind: 'values', name, values: f.slice(1).map((t) => src.uint(t, i, name)) });
    }
  }
  return records;
}

export const stat = defineHandler<StatRecord>({
  name: 'stat',
  summary: 'CPU times (USER_HZ ticks), interrupt and softirq totals, context switches, boot time, process counts',
  parse: parseStat,
});
