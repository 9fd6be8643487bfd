/**
 * /proc/<pid>/latency — LatencyTop records of the task (CONFIG_LATENCYTOP).
 * Kernel: fs/proc/base.c, lstats_show_proc(): "Latency Top version : v0.1\n",
 * then "%i %li %li" count, time, max (microseconds) and " %ps" per backtrace entry.
 * Sample: "9 134 22 futex_wait_queue_me futex_wait do_futex sys_futex system_call_fastpath"
 *
 * Absent on this machine (no LATENCYTOP); the Linux 3.2 corpus has one.
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';

export interface LatencyRecord {
  count: number;
  time_us: number;
  max_us: number;
  backtrace: string[];
}

export function parseLatency(text: string, file = 'pid/latency'): LatencyRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (!src.lines[0].startsWith('Latency Top version')) src.fail(0, 'expected the "Latency Top version : …" header');
  const records: LatencyRecord[] = [];
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length < 3) src.fail(i, `expected "count time max backtrace…", found ${f.length} fields`);
    records.push({
      count: src.int(f[0], i, 'count'),
      time_us: src.int(f[1], i, 'time'),
      max_us: src.int(f[2], i, 'max'),
      backtrace: f.slice(3),
    });
  }
  return records;
}

export const latency = defineHandler<LatencyRecord>({
  name: 'pid/latency',
  summary: 'LatencyTop: count, total and maximum latency (us) per backtrace',
  parse: parseLatency,
});
