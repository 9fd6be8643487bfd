/**
 * /proc/net/softnet_stat — per-CPU packet-processing statistics.
 * Kernel: net/core/net-procfs.c, softnet_seq_show().
 * Sample: "005aff6a 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
 *
 * Every column is `%08x` (numbers here). Names follow softnet_seq_show():
 * processed, dropped, time_squeeze, then columns the kernel keeps at 0
 * (throttled; four fastroute_* columns), cpu_collision (the 9 columns of
 * kernels before 2.6.35), received_rps (2.6.35+),
 * flow_limit_count (3.11+), backlog_len (5.10+, input_qlen + process_qlen
 * in 6.x), cpu (5.10+), input_qlen and process_qlen (6.2+). Later columns are
 * kept as `column_N`. Before 5.10 the CPU is not printed; `cpu` is then the
 * row number (offline CPUs are skipped by the kernel, so it may be wrong on
 * such a machine: `cpu_printed` says which case it is).
 */
import { defineHandler } from '../../handler';
import { fields, Lines, requireContent } from '../helpers';

export interface SoftnetStatRecord {
  cpu: number;
  /** Whether `cpu` came from the file (5.10+) rather than the row number. */
  cpu_printed: boolean;
  processed: number;
  dropped: number;
  time_squeeze: number;
  throttled: number;
  fastroute_hit: number;
  fastroute_success: number;
  fastroute_defer: number;
  fastroute_deferred_out: number;
  cpu_collision: number;
  received_rps?: number;
  flow_limit_count?: number;
  backlog_len?: number;
  input_qlen?: number;
  process_qlen?: number;
  [column: string]: number | boolean | undefined;
}

const NAMES = [
  'processed',
  'dropped',
  'time_squeeze',
  'throttled',
  'fastroute_hit',
  'fastroute_success',
  'fastroute_defer',
  'fastroute_deferred_out',
  'cpu_collision',
  'received_rps',
  'flow_limit_count',
  'backlog_len',
  'cpu',
  'input_qlen',
  'process_qlen',
];
const REQUIRED = 9;
const CPU_COLUMN = 12;

export function parseSoftnetStat(text: string, file = 'net/softnet_stat'): SoftnetStatRecord[] {
  const src: Lines = new Lines(file, text);
  requireContent(src, 'a line per CPU');
  const records: SoftnetStatRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length < REQUIRED) src.fail(i, `expected at least ${REQUIRED} columns, found ${f.length}`);
    const record = { cpu: records.length, cpu_printed: f.length > CPU_COLUMN } as SoftnetStatRecord;
    for (let c = 0; c < f.length; c++) {
      const name = c < NAMES.length ? NAMES[c] : `column_${c + 1}`;
      record[name] = src.hex(f[c], i, name);
    }
    records.push(record);
  }
  return records;
}

export const softnetStat = defineHandler<SoftnetStatRecord>({
  name: 'net/softnet_stat',
  summary: 'Per-CPU network softirq statistics',
  parse: parseSoftnetStat,
});
