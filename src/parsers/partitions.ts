/**
 * /proc/partitions — block devices and partitions with their sizes.
 * Kernel: block/genhd.c, show_partition() (header from part_start()).
 * Sample: "   8        1     102400 sda1" after "major minor  #blocks  name" and a blank line.
 *
 * `blocks` is the header's `#blocks`: the size in 1024-byte blocks, as printed.
 */
import { defineHandler } from '../handler';
import { fields, Lines, whitespaceTable, type ColumnSpec } from './helpers';

export interface PartitionsRecord {
  major: number;
  minor: number;
  /** Size in 1 KiB blocks (the header's `#blocks`). */
  blocks: number;
  name: string;
}

const COLUMNS: readonly ColumnSpec[] = [
  ['major', 'int'],
  ['minor', 'int'],
  ['blocks', 'int'],
  ['name', 'str'],
];

export function parsePartitions(text: string, file = 'partitions'): PartitionsRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  const header = fields(src.lines[0]);
  if (header[0] !== 'major' || header[1] !== 'minor') src.fail(0, 'expected the header "major minor #blocks name"');
  return whitespaceTable(src, COLUMNS, { skip: 1, skipBlank: true }) as unknown as PartitionsRecord[];
}

export const partitions = defineHandler<PartitionsRecord>({
  name: 'partitions',
  summary: 'block devices and partitions with their sizes in 1 KiB blocks',
  parse: parsePartitions,
});
