/**
 * /proc/<pid>/maps — the process's memory mappings.
 * Kernel: fs/proc/task_mmu.c, show_map() → show_map_vma().
 * Sample: "55f90bbfb000-55f90bbfc000 r--p 00000000 fe:00 26723                      /usr/bin/python3.11"
 *
 * One record per mapping: addresses, offset and device as hex text as written,
 * the inode as a number, and the pathname (spaces kept; `[heap]`, `[stack]`,
 * `[vdso]`, " (deleted)" as written) — absent for anonymous mappings.
 */
import { defineHandler } from '../../handler';
import { Lines } from '../helpers';
import { parseMappingLine, type MappingLine } from '../formats/mapping-line';

export type MapsRecord = MappingLine;

export function parseMaps(text: string, file = 'pid/maps'): MapsRecord[] {
  const src = new Lines(file, text);
  const records: MapsRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line === '') continue;
    records.push(parseMappingLine(src, i, line));
  }
  return records;
}

export const maps = defineHandler<MapsRecord>({
  name: 'pid/maps',
  summary: 'memory mappings: address range, perms, offset, device, inode, pathname',
  parse: parseMaps,
});
