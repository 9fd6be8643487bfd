/**
 * /proc/<pid>/smaps_rollup — memory use of all the process's mappings summed (Linux 4.14+).
 * Kernel: fs/proc/task_mmu.c, show_smaps_rollup() → __show_smap(). Format: formats/smaps.ts.
 * Sample: "55f90bbfb000-7fff8e8cc000 ---p 00000000 00:00 0                          [rollup]"
 *
 * One smaps record whose pathname is `[rollup]` (with no Size, KernelPageSize or VmFlags).
 */
import { defineHandler } from '../../handler';
import { parseSmaps, type SmapsRecord } from '../formats/smaps';
import { Lines } from '../helpers';

export function parseSmapsRollup(text: string, file = 'pid/smaps_rollup'): SmapsRecord[] {
  const records = parseSmaps(text, file);
  if (records.length > 1) {
    const src = new Lines(file, text);
    const second = src.lines.findIndex((l, i) => i > 0 && l.length > 0 && !/^[A-Za-z_]+:/.test(l));
    src.fail(second, 'expected one [rollup] record');
  }
  return records;
}

export const smapsRollup = defineHandler<SmapsRecord>({
  name: 'pid/smaps_rollup',
  summary: 'memory use of all mappings summed (kB fields)',
  parse: parseSmapsRollup,
});
