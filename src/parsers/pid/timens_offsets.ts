/**
 * /proc/<pid>/timens_offsets — clock offsets of the time namespace.
 * Kernel: kernel/time/namespace.c, proc_timens_show_offsets() → show_offset()
 * "%-10s %10lld %9ld\n"; names from time_namespaces(7).
 * Sample: "monotonic           0         0"
 */
import { defineHandler } from '../../handler';
import { Lines, whitespaceTable, type ColumnSpec } from '../helpers';

export interface TimensOffsetsRecord {
  /** `monotonic`, `boottime` (or a clock id on write; the kernel prints names). */
  clock: string;
  offset_secs: number;
  offset_nanosecs: number;
}

const COLUMNS: readonly ColumnSpec[] = [
  ['clock', 'str'],
  ['offset_secs', 'int'],
  ['offset_nanosecs', 'int'],
];

export function parseTimensOffsets(text: string, file = 'pid/timens_offsets'): TimensOffsetsRecord[] {
  return whitespaceTable(new Lines(file, text), COLUMNS, { skipBlank: true }) as unknown as TimensOffsetsRecord[];
}

export const timensOffsets = defineHandler<TimensOffsetsRecord>({
  name: 'pid/timens_offsets',
  summary: 'time-namespace clock offsets (seconds, nanoseconds)',
  parse: parseTimensOffsets,
});
