/**
 * /proc/meminfo — system memory usage, one `Name: value [kB]` per line.
 * Kernel: fs/proc/meminfo.c, meminfo_proc_show().
 * Sample: "MemTotal:       24683656 kB"
 *
 * Values stay in the file's unit (kB, named in `unit`); HugePages_* counts have none.
 */
import { defineHandler } from '../handler';
import { keyValueNumbers, Lines, type KeyValueRecord } from './helpers';

export type MeminfoRecord = KeyValueRecord;

export function parseMeminfo(text: string, file = 'meminfo'): MeminfoRecord[] {
  return keyValueNumbers(new Lines(file, text));
}

export const meminfo = defineHandler<MeminfoRecord>({
  name: 'meminfo',
  summary: 'memory usage (kB as written)',
  parse: parseMeminfo,
});
