/**
 * /proc/sys/fs/file-nr — file handle counts.
 * Kernel: fs/file_table.c, proc_nr_files() with the "file-nr" sysctl
 * (proc_doulongvec_minmax over files_stat: nr_files, nr_free_files, max_files; tab-separated).
 * Sample: "117\t0\t2466165"
 *
 * allocated file handles, unused (free) allocated handles (always 0 since 2.6),
 * maximum (fs.file-max) — proc(5)'s meanings.
 */
import { defineHandler } from '../../../handler';
import { fields, Lines } from '../../helpers';

export interface FileNrRecord {
  allocated: number;
  unused: number;
  maximum: number;
}

export function parseFileNr(text: string, file = 'sys/fs/file-nr'): FileNrRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (src.length > 1) src.fail(1, 'expected one line');
  const f = fields(src.lines[0]);
  if (f.length !== 3) src.fail(0, `expected "allocated unused maximum", found ${f.length} fields`);
  return [{ allocated: src.int(f[0], 0, 'allocated'), unused: src.int(f[1], 0, 'unused'), maximum: src.int(f[2], 0, 'maximum') }];
}

export const fileNr = defineHandler<FileNrRecord>({
  name: 'sys/fs/file-nr',
  summary: 'file handles: allocated, unused, maximum',
  parse: parseFileNr,
});
