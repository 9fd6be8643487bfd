/**
 * /proc/<pid>/task/<tid>/children — the thread's child processes.
 * Kernel: fs/proc/array.c, children_seq_show() "%d " per child (no newline).
 * Sample: "26586 26587 "
 *
 * One record per child process id.
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';

export interface ChildrenRecord {
  pid: number;
}

export function parseChildren(text: string, file = 'pid/children'): ChildrenRecord[] {
  const src = new Lines(file, text);
  const records: ChildrenRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    for (const token of fields(src.lines[i])) records.push({ pid: src.int(token, i, 'child pid') });
  }
  return records;
}

export const children = defineHandler<ChildrenRecord>({
  name: 'pid/children',
  summary: 'child process ids of a thread (task/<tid>/children)',
  parse: parseChildren,
});
