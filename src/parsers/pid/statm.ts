/**
 * /proc/<pid>/statm — memory usage in pages.
 * Kernel: fs/proc/array.c, proc_pid_statm().
 * Sample: "4275 3609 1759 1 0 2064 0"
 *
 * Seven counts in pages (names from proc_pid_statm(5)); lib and dt are always 0
 * since Linux 2.6.
 */
import { defineHandler } from '../../handler';
import { Lines, whitespaceTable, type ColumnSpec } from '../helpers';

export interface StatmRecord {
  size: number;
  resident: number;
  shared: number;
  text: number;
  lib: number;
  data: number;
  dt: number;
}

const COLUMNS: readonly ColumnSpec[] = [
  ['size', 'int'],
  ['resident', 'int'],
  ['shared', 'int'],
  ['text', 'int'],
  ['lib', 'int'],
  ['data', 'int'],
  ['dt', 'int'],
];

export function parseStatm(text: string, file = 'pid/statm'): StatmRecord[] {
  const src = new Lines(file, text);
  if (src.length > 1) src.fail(1, `expected one line, found ${src.length}`);
  return whitespaceTable(src, COLUMNS) as unknown as StatmRecord[];
}

export const statm = defineHandler<StatmRecord>({
  name: 'pid/statm',
  summary: 'process memory usage in pages',
  parse: parseStatm,
});
