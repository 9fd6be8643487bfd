/**
 * /proc/meminfo — system memory usage, one `Name: value [kB]` per line.
 * Kernel: fs/proc/meminfo.c, meminfo_proc_show().
 * Sample: "MemTotal:       24683656 kB"
 *
 * Values stay in the file's unit (kB, named in `unit`); HugePages_* counts have none.
 * Every value is unsigned (show_val_kb(), seq_put_decimal_ull()): `-7`, `1.5`, `1e5` fail.
 */
import { defineHandler } from '../handler';
import { keyValueNumbers, Lines, requireContent, type KeyValueRecord } from './helpers';

export type MeminfoRecord = KeyValueRecord;

export function parseMeminfo(text: string, file = 'meminfo'): MeminfoRecord[] {
  const src = new Lines(file, text);
  requireContent(src, 'MemTotal and the other counters');
  return keyValueNumbers(src, ':', 'uint');
}

export const meminfo = defineHandler<MeminfoRecord>({
  name: 'meminfo',
  summary: 'memory usage (kB as written)',
  parse: parseMeminfo,
});
