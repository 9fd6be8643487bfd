/**
 * /proc/<pid>/smaps — memory use per mapping of the process.
 * Kernel: fs/proc/task_mmu.c, show_smap() → __show_smap(), show_smap_vma_flags(). Format: formats/smaps.ts.
 * Sample: "Private_Dirty:         4 kB"
 */
import { defineHandler } from '../../handler';
import { parseSmaps, type SmapsRecord } from '../formats/smaps';

export const smaps = defineHandler<SmapsRecord>({
  name: 'pid/smaps',
  summary: 'memory use per mapping (kB fields, VmFlags)',
  parse: parseSmaps,
});
