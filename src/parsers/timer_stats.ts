/**
 * /proc/timer_stats — which tasks started which timers (Linux 3.2; removed in 4.11).
 * Kernel: kernel/time/timer_stats.c, tstats_show(): "Timer Stats Version: v0.2", "Sample period: %ld.%03ld s",
 *   ("Collection: active" in v0.3), entries " %4lu, %5d %-16s START (EXPIRE)" ("%4luD, " for deferrable
 *   timers), and "%ld total events, %ld.%03ld events/sec".
 * Sample: "  149D, 11069 kworker/0:1      schedule_delayed_work_on (delayed_work_timer_fn)"
 *
 * One record per entry; the sample period (seconds, as printed) is repeated in
 * each so that rates can be computed. The command name is a 16-column field
 * and may hold spaces. Only the Linux 3.2 fixture exists.
 */
import { defineHandler } from '../handler';
import { Lines } from './helpers';

export interface TimerStatsRecord {
  count: number;
  /** The `D` after the count: a deferrable timer. */
  deferrable: boolean;
  pid: number;
  comm: string;
  /** Function that started the timer. */
  start_func: string;
  /** Function the timer calls when it expires. */
  expire_func: string;
  /** Length of the sampling period, seconds (the file's `Sample period`). */
  sample_period_s: number;
}

export function parseTimerStats(text: string, file = 'timer_stats'): TimerStatsRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  if (!src.lines[0].startsWith('Timer Stats Version:')) src.fail(0, 'expected "Timer Stats Version: vX"');
  let period: number | undefined;
  const records: TimerStatsRecord[] = [];
  let totalSeen = false;
  for (let i = 1; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    if (line.startsWith('Sample period:')) {
      const value = line.slice('Sample period:'.length).trim();
      if (!value.endsWith(' s')) src.fail(i, 'expected "Sample period: N.NNN s"');
      period = src.float(value.slice(0, -2), i, 'sample period');
      continue;
    }
    if (line.startsWith('Collection:')) continue;
    if (/^\d+ total events/.test(line)) {
      totalSeen = true;
      continue;
    }
    if (totalSeen) src.fail(i, 'entry after the total line');
    const comma = line.indexOf(', ');
    if (comma < 0) src.fail(i, 'expected "COUNT, PID COMM START (EXPIRE)"');
    let countText = line.slice(0, comma).trim();
    const deferrable = countText.endsWith('D');
    if (deferrable) countText = countText.slice(0, -1);
    let p = comma + 2;
    while (line.charCodeAt(p) === 32) p++;
    const pidStart = p;
    while (p < line.length && line.charCodeAt(p) !== 32) p++;
    const pidText = line.slice(pidStart, p);
    // the command name is printed "%-16s " (at most 15 characters, padded)
    const comm = line.slice(p + 1, p + 17).trimEnd();
    const funcs = line.slice(p + 18);
    const open = funcs.lastIndexOf(' (');
    if (line.length < p + 19 || comm === '' || open <= 0 || !funcs.endsWith(')')) src.fail(i, 'expected "COUNT, PID COMM START (EXPIRE)"');
    if (period === undefined) src.fail(i, 'entry before the "Sample period" line');
    const pid = src.int(pidText, i, 'pid');
    records.push({
      count: src.int(countText, i, 'count'),
      deferrable,
      pid,
      comm,
      start_func: funcs.slice(0, open),
      expire_func: funcs.slice(open + 2, -1),
      sample_period_s: period,
    });
  }
  return records;
}

export const timerStats = defineHandler<TimerStatsRecord>({
  name: 'timer_stats',
  summary: 'timer usage statistics per task and function (Linux < 4.11)',
  parse: parseTimerStats,
});
