/**
 * /proc/vmstat — virtual memory counters.
 * Kernel: mm/vmstat.c, vmstat_show() ("%s %lu\n" per counter).
 * Sample: "nr_free_pages 908599"
 *
 * One record per counter, named as the kernel prints it; the set of counters
 * changes with every kernel version and configuration (all are kept).
 */
import { defineHandler } from '../handler';
import { Lines, nameValueLines, requireContent } from './helpers';

export interface VmstatRecord {
  name: string;
  value: number;
}

export function parseVmstat(text: string, file = 'vmstat'): VmstatRecord[] {
  const src = new Lines(file, text);
  requireContent(src, 'its counters');
  return nameValueLines(src);
}

export const vmstat = defineHandler<VmstatRecord>({
  name: 'vmstat',
  summary: 'virtual memory counters, one per line',
  parse: parseVmstat,
});
