/**
 * /proc/<pid>/autogroup — the task's scheduler autogroup.
 * Kernel: kernel/sched/autogroup.c, proc_sched_autogroup_show_task() "/autogroup-%ld nice %d\n".
 * Sample: "/autogroup-48593 nice 0"
 */
import { defineHandler } from '../../handler';
import { fields, Lines, oneLine } from '../helpers';

export interface AutogroupRecord {
  /** The group as written (`/autogroup-6`). */
  name: string;
  id: number;
  nice: number;
}

export function parseAutogroup(text: string, file = 'pid/autogroup'): AutogroupRecord[] {
  const src = new Lines(file, text);
  const line = oneLine(src);
  if (line === undefined) return [];
  const f = fields(line);
  if (f.length !== 3 || f[1] !== 'nice' || !f[0].startsWith('/autogroup-')) src.fail(0, 'expected "/autogroup-ID nice N"');
  return [{ name: f[0], id: src.int(f[0].slice(11), 0, 'autogroup id'), nice: src.int(f[2], 0, 'nice') }];
}

export const autogroup = defineHandler<AutogroupRecord>({
  name: 'pid/autogroup',
  summary: 'scheduler autogroup of the task and its nice value',
  parse: parseAutogroup,
});
