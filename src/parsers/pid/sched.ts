/**
 * /proc/<pid>/sched — CFS scheduler details of the task.
 * Kernel: kernel/sched/debug.c, proc_sched_show_task().
 * Sample: "se.sum_exec_runtime                          :            21.701660"
 *
 * A title line `comm (pid, #threads: n)`, a line of dashes, then `name : value`
 * lines (times in ms with six decimals, counts as integers), kept under their
 * printed names in `fields`. NUMA kernels add `current_node=0, numa_group_id=0`
 * (into `fields` too) and `numa_faults node=0 task_private=0 …` lines
 * (`numa_faults`, one entry per line).
 */
import { defineHandler } from '../../handler';
import { fields as split, Lines } from '../helpers';

export interface SchedRecord {
  comm: string;
  pid: number;
  threads: number;
  fields: Record<string, number>;
  numa_faults?: Record<string, number>[];
}

export function parseSched(text: string, file = 'pid/sched'): SchedRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  const title = src.lines[0];
  const open = title.lastIndexOf(' (');
  const comma = title.indexOf(', #threads: ', open);
  if (open <= 0 || comma < 0 || !title.endsWith(')')) src.fail(0, 'expected "comm (pid, #threads: n)"');
  const record: SchedRecord = {
    comm: title.slice(0, open),
    pid: src.int(title.slice(open + 2, comma), 0, 'pid'),
    threads: src.int(title.slice(comma + 12, -1), 0, 'threads'),
    fields: {},
  };
  for (let i = 1; i < src.length; i++) {
    const line = src.lines[i];
    if (line === '' || (i === 1 && line.startsWith('---'))) continue;
    if (line.startsWith('numa_faults ')) {
      const entry: Record<string, number> = {};
      for (const pair of split(line.slice(12))) {
        const eq = pair.indexOf('=');
        if (eq <= 0) src.fail(i, `expected name=value (${JSON.stringify(pair)})`);
        entry[pair.slice(0, eq)] = src.int(pair.slice(eq + 1), i, pair.slice(0, eq));
      }
      (record.numa_faults ??= []).push(entry);
      continue;
    }
    const colon = line.lastIndexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim();
      record.fields[name] = src.float(line.slice(colon + 1).trim(), i, name);
      continue;
    }
    if (line.indexOf('=') > 0) {
      // "current_node=0, numa_group_id=0"
      for (const part of line.split(',')) {
        const pair = part.trim();
        const eq = pair.indexOf('=');
        if (eq <= 0) src.fail(i, `expected name=value (${JSON.stringify(pair)})`);
        record.fields[pair.slice(0, eq)] = src.int(pair.slice(eq + 1), i, pair.slice(0, eq));
      }
      continue;
    }
    src.fail(i, 'expected "name : value"');
  }
  return [record];
}

export const sched = defineHandler<SchedRecord>({
  name: 'pid/sched',
  summary: 'CFS scheduler statistics of the task (ms and counts as printed)',
  parse: parseSched,
});
