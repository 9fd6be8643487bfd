/**
 * Format: memory use per mapping, shared by /proc/<pid>/smaps and /proc/<pid>/smaps_rollup.
 * Kernel: fs/proc/task_mmu.c, show_smap() / show_smaps_rollup() → __show_smap(),
 * show_smap_vma_flags().
 * Sample: "Private_Dirty:         4 kB"
 *
 * One record per mapping: the maps fields (formats/mapping-line.ts), every `Name: N kB`
 * line in kB under `kB` (Size, Rss, Pss, …, kernel names), unit-less numbers
 * (THPeligible, ProtectionKey) under `values`, and `VmFlags` as an array of
 * the two-letter flags. smaps_rollup is one such record whose pathname is
 * `[rollup]` (with no Size, KernelPageSize or VmFlags). Blank lines are skipped
 * (the Linux 3.2 corpus has one).
 */
import { fields, Lines } from '../helpers';
import { parseMappingLine, type MappingLine } from './mapping-line';

export interface SmapsRecord extends MappingLine {
  /** Every `Name: N kB` line, by the kernel's name, in kB. */
  kB: Record<string, number>;
  /** Lines without a unit (THPeligible, ProtectionKey). */
  values?: Record<string, number>;
  VmFlags?: string[];
}

export function parseSmaps(text: string, file = 'pid/smaps'): SmapsRecord[] {
  const src = new Lines(file, text);
  const records: SmapsRecord[] = [];
  let current: SmapsRecord | undefined;
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line === '') continue;
    const colon = line.indexOf(':');
    const space = line.indexOf(' ');
    if (colon > 0 && (space < 0 || colon < space)) {
      const record = current ?? src.fail(i, 'field line before the first mapping line');
      const name = line.slice(0, colon);
      const rest = fields(line.slice(colon + 1));
      if (name === 'VmFlags') {
        record.VmFlags = rest;
      } else if (rest.length === 2 && rest[1] === 'kB') {
        record.kB[name] = src.int(rest[0], i, name);
      } else if (rest.length === 1) {
        (record.values ??= {})[name] = src.int(rest[0], i, name);
      } else {
        src.fail(i, `expected "${name}: N kB"`);
      }
      continue;
    }
    current = parseMappingLine(src, i, line) as SmapsRecord;
    current.kB = {};
    records.push(current);
  }
  return records;
}
