/**
 * /proc/<pid>/environ — the initial environment.
 * Kernel: fs/proc/base.c, environ_read().
 * Sample: "HOME=/root\0LANG=C.UTF-8\0"
 *
 * One record per variable: the name before the first `=`, the value after it
 * (values may contain `=`). An entry without `=` or an empty entry between two
 * NULs is malformed. Root-only for other users' processes: [] on EACCES.
 */
import { ParseError } from '../../errors';
import { defineHandler } from '../../handler';

export interface EnvironRecord {
  name: string;
  value: string;
}

export function parseEnviron(text: string, file = 'pid/environ'): EnvironRecord[] {
  const records: EnvironRecord[] = [];
  let start = 0;
  let entry = 1;
  while (start < text.length) {
    let end = text.indexOf('\0', start);
    if (end < 0) end = text.length;
    const eq = text.indexOf('=', start);
    if (eq < 0 || eq >= end) {
      // environ has no lines: the error names the entry's position instead.
      throw new ParseError(
        file,
        entry,
        text.slice(start, end),
        'expected "NAME=value" (entries are NUL-separated; the number is the entry)',
      );
    }
    records.push({ name: text.slice(start, eq), value: text.slice(eq + 1, end) });
    start = end + 1;
    entry++;
  }
  return records;
}

export const environ = defineHandler<EnvironRecord>({
  name: 'pid/environ',
  summary: 'process environment (name, value)',
  parse: parseEnviron,
});
