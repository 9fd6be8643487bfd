/**
 * /proc/<pid>/map_files/<start>-<end> — links to the files mapped by the process.
 * Kernel: fs/proc/base.c, proc_map_files_get_link() (d_path of the mapped file);
 * readable by root only (CAP_SYS_ADMIN).
 * Sample: "/usr/lib/x86_64-linux-gnu/libc.so.6"
 *
 * The record is the mapping's address range, from the link's name (hex as
 * written), and the link target.
 */
import { defineHandler } from '../../handler';
import { baseName, isHex, Lines } from '../helpers';

export interface MapFilesRecord {
  start?: string;
  end?: string;
  target: string;
}

export function parseMapFiles(text: string, file = 'pid/map_files'): MapFilesRecord[] {
  if (text === '') return [];
  const src = new Lines(file, text);
  if (src.length !== 1) src.fail(1, 'expected one link target');
  const record: MapFilesRecord = { target: src.lines[0] };
  const name = baseName(file);
  const dash = name.indexOf('-');
  if (dash > 0 && isHex(name.slice(0, dash)) && isHex(name.slice(dash + 1))) {
    return [{ start: name.slice(0, dash), end: name.slice(dash + 1), target: record.target }];
  }
  return [record];
}

export const mapFiles = defineHandler<MapFilesRecord>({
  name: 'pid/map_files',
  summary: 'file mapped at an address range (link target)',
  pattern: '<pid>/map_files/*',
  source: 'link',
  parse: parseMapFiles,
});
