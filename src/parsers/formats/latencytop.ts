/**
 * Format: LatencyTOP records (CONFIG_LATENCYTOP), shared by /proc/latency_stats
 * (every task) and /proc/<pid>/latency (one task).
 * Kernel: kernel/latencytop.c, lstats_show(), and fs/proc/base.c, lstats_show_proc():
 * the header "Latency Top version : v0.1", then per entry "%i %li %li" — count,
 * total and maximum latency in microseconds — and " %ps" per backtrace frame.
 * Sample: "35 15406 4787 poll_schedule_timeout do_select core_sys_select sys_select system_call_fastpath"
 *
 * The header alone (latencytop off, or a task that never waited) gives no records.
 */
import { defineHandler, type Handler } from '../../handler';
import { fields, Lines } from '../helpers';

export interface LatencyTopRecord {
  /** How many times this backtrace waited. */
  count: number;
  /** Total wait, microseconds. */
  time_us: number;
  /** Longest single wait, microseconds. */
  max_us: number;
  /** Function names, innermost first. */
  backtrace: string[];
}

export function parseLatencyTop(text: string, file: string): LatencyTopRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (!src.lines[0].startsWith('Latency Top version :')) src.fail(0, 'expected "Latency Top version : vX"');
  const records: LatencyTopRecord[] = [];
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

/** The handler of a LatencyTOP file; `name` is its path under /proc. */
export function latencyTopHandler(name: string, summary: string): Handler<LatencyTopRecord> {
  return defineHandler<LatencyTopRecord>({ name, summary, parse: (text, file) => parseLatencyTop(text, file ?? name) });
}
