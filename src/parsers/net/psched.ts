/**
 * /proc/net/psched — packet scheduler clock parameters (read by tc).
 * Kernel: net/sched/sch_api.c, psched_show().
 * Sample: "000003e8 00000040 000f4240 3b9aca00"
 *
 * Four `%08x` values, numbers here: nsec_per_usec (NSEC_PER_USEC, 1000),
 * psched_tick_ns (PSCHED_TICKS2NS(1): nanoseconds per scheduler tick), clock_res
 * (constant 1000000, read by tc as the clock resolution), hrtimer_hz
 * (NSEC_PER_SEC / hrtimer_resolution: 1000000000 with high-resolution timers).
 */
import { defineHandler } from '../../handler';
import { Lines, whitespaceTable, type ColumnSpec } from '../helpers';

export interface PschedRecord {
  nsec_per_usec: number;
  psched_tick_ns: number;
  clock_res: number;
  hrtimer_hz: number;
}

const COLUMNS: readonly ColumnSpec[] = [
  ['nsec_per_usec', 'hex'],
  ['psched_tick_ns', 'hex'],
  ['clock_res', 'hex'],
  ['hrtimer_hz', 'hex'],
];

export function parsePsched(text: string, file = 'net/psched'): PschedRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length > 1) src.fail(1, `expected one line, found ${src.length}`);
  return whitespaceTable(src, COLUMNS) as unknown as PschedRecord[];
}

export const psched = defineHandler<PschedRecord>({
  name: 'net/psched',
  summary: 'Packet scheduler clock parameters',
  parse: parsePsched,
});
