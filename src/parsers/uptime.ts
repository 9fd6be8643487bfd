/**
 * /proc/uptime — seconds since boot and idle seconds.
 * Kernel: fs/proc/uptime.c, uptime_proc_show() ("%lu.%02lu %lu.%02lu\n").
 * Sample: "947571.75 7470132.40"
 *
 * idle_seconds is summed over all CPUs, so it can exceed uptime_seconds.
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface UptimeRecord {
  uptime_seconds: number;
  idle_seconds: number;
}

export function parseUptime(text: string, file = 'uptime'): UptimeRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (src.length > 1) src.fail(1, 'expected one line');
  const f = fields(src.lines[0]);
  if (f.length !== 2) src.fail(0, `expected "uptime idle", found ${f.length} fields`);
  return [{ uptime_seconds: src.float(f[0], 0, 'uptime'), idle_seconds: src.float(f[1], 0, 'idle') }];
}

export const uptime = defineHandler<UptimeRecord>({
  name: 'uptime',
  summary: 'seconds since boot and idle seconds summed over CPUs',
  parse: parseUptime,
});
