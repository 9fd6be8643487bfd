/**
 * /proc/<pid>/io — I/O counters of the process.
 * Kernel: fs/proc/base.c, do_io_accounting().
 * Sample: "read_bytes: 150740992"
 *
 * One record keyed by the kernel's names (rchar, wchar, syscr, syscw,
 * read_bytes, write_bytes, cancelled_write_bytes); bytes and counts as numbers.
 * Root-only for other users' processes: the reader gives [] on EACCES.
 */
import { defineHandler } from '../../handler';
import { keyValueNumbers, Lines } from '../helpers';

export interface IoRecord {
  rchar: number;
  wchar: number;
  syscr: number;
  syscw: number;
  read_bytes: number;
  write_bytes: number;
  cancelled_write_bytes: number;
  [name: string]: number;
}

export function parseIo(text: string, file = 'pid/io'): IoRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  const record: Record<string, number> = {};
  const pairs = keyValueNumbers(src);
  for (let i = 0; i < pairs.length; i++) {
    if (pairs[i].unit !== undefined) src.fail(i, 'expected one number');
    if (!Number.isInteger(pairs[i].value)) src.fail(i, `${pairs[i].name} is not an integer`);
    record[pairs[i].name] = pairs[i].value;
  }
  return [record as IoRecord];
}

export const io = defineHandler<IoRecord>({
  name: 'pid/io',
  summary: 'process I/O counters (bytes and syscalls)',
  parse: parseIo,
});
