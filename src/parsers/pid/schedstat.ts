/**
 * /proc/<pid>/schedstat — scheduler statistics of the task.
 * Kernel: fs/proc/base.c, proc_pid_schedstat(); Documentation/scheduler/sched-stats.rst.
 * Sample: "21701660 42373 3"
 *
 * Time on the CPU (ns), time waiting on a runqueue (ns), timeslices run.
 */
import { defineHandler } from '../../handler';
import { Lines, whitespaceTable, type ColumnSpec } from '../helpers';

export interface SchedstatRecord {
  cpu_time_ns: number;
  run_delay_ns: number;
  timeslices: number;
}

const COLUMNS: readonly ColumnSpec[] = [
  ['cpu_time_ns', 'int'],
  ['run_delay_ns', 'int'],
  ['timeslices', 'int'],
];

export function parseSchedstat(text: string, file = 'pid/schedstat'): SchedstatRecord[] {
  const src = new Lines(file, text);
  if (src.length > 1) src.fail(1, `expected one line, found ${src.length}`);
  return whitespaceTable(src, COLUMNS) as unknown as SchedstatRecord[];
}

export const schedstat = defineHandler<SchedstatRecord>({
  name: 'pid/schedstat',
  summary: 'task CPU time, runqueue wait (ns) and timeslices',
  parse: parseSchedstat,
});
