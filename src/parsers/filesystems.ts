/**
 * /proc/filesystems — filesystem types the kernel supports.
 * Kernel: fs/filesystems.c, filesystems_proc_show() ("%s\t%s\n", FS_REQUIRES_DEV ? "" : "nodev", name).
 * Sample: "nodev\tsysfs" and "\text4"
 *
 * `nodev` is true for filesystems that need no block device.
 */
import { defineHandler } from '../handler';
import { Lines } from './helpers';

export interface FilesystemsRecord {
  nodev: boolean;
  name: string;
}

export function parseFilesystems(text: string, file = 'filesystems'): FilesystemsRecord[] {
  const src = new Lines(file, text);
  const records: FilesystemsRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    if (tab < 0) src.fail(i, 'expected "[nodev]\\tNAME"');
    const flag = line.slice(0, tab).trim();
    if (flag !== '' && flag !== 'nodev') src.fail(i, `expected "nodev" or nothing before the tab (${JSON.stringify(flag)})`);
    const name = line.slice(tab + 1).trim();
    if (name === '' || name.includes(' ') || name.includes('\t')) src.fail(i, 'expected one filesystem name');
    records.push({ nodev: flag === 'nodev', name });
  }
  return records;
}

export const filesystems = defineHandler<FilesystemsRecord>({
  name: 'filesystems',
  summary: 'supported filesystem types and whether they need a block device',
  parse: parseFilesystems,
});
