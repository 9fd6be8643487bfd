/**
 * /proc/latency_stats — LatencyTOP: where tasks waited, by backtrace (Linux 3.2; CONFIG_LATENCYTOP).
 * Kernel: kernel/latencytop.c, lstats_show(): header "Latency Top version : v0.1", then per entry
 *   "%i %li %li" count, total and maximum latency in microseconds, then " %ps" per backtrace frame.
 * Sample: "35 15406 4787 poll_schedule_timeout do_select core_sys_select sys_select system_call_fastpath"
 *
 * Only the Linux 3.2 fixture exists: the file is gone from the kernels this machine runs
 * (and prints just the header while latencytop is off, which gives no records).
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface LatencyStatsRecord {
  /** How many times this backtrace waited. */
  count: number;
  /** Total wait, microseconds. */
  time_us: number;
  /** Longest single wait, microseconds. */
  max_us: number;
  /** Function names, innermost first. */
  backtrace: string[];
}

export function parseLatencyStats(text: string, file = 'latency_stats'): LatencyStatsRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (!src.lines[0].startsWith('Latency Top version :')) src.fail(0, 'expected "Latency Top version : vX"');
  const records: LatencyStatsRecord[] = [];
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length < 3) src.fail(i, `expected "COUNT TIME MAX [FUNCTION …]", found ${f.length} fields`);
    records.push({
      count: src.int(f[0], i, 'count'),
      time_us: src.int(f[1], i, 'time_us'),
      max_us: src.int(f[2], i, 'max_us'),
      backtrace: f.slice(3),
    });
  }
  return records;
}

export const latencyStats = defineHandler<LatencyStatsRecord>({
  name: 'latency_stats',
  summary: 'LatencyTOP wait statistics by backtrace (Linux < 6)',
  parse: parseLatencyStats,
});
