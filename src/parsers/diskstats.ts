/**
 * /proc/diskstats — I/O statistics of block devices.
 * Kernel: block/genhd.c, diskstats_show(); fields in Documentation/admin-guide/iostats.rst.
 * Sample: "   8       0 sda 4925 2264 275866 1950 1234 873 20000 3000 0 3490 4950 0 0 0 0 10 20"
 *
 * Linux 2.6.25+ prints 14 columns (3.2 here); 4.18 adds four discard columns
 * and 5.5 two flush columns (Documentation/ABI/testing/procfs-diskstats), so
 * a line has 14, 18 or 20 columns: 16 or 19 is a cut or damaged line, a
 * ParseError. Columns a kernel does not print are absent, not zero. Every
 * value is unsigned (%u, %lu).
 */
import { defineHandler } from '../handler';
import { Lines, whitespaceTable, type ColumnSpec } from './helpers';

export interface DiskstatsRecord {
  major: number;
  minor: number;
  device: string;
  reads_completed: number;
  reads_merged: number;
  sectors_read: number;
  time_reading_ms: number;
  writes_completed: number;
  writes_merged: number;
  sectors_written: number;
  time_writing_ms: number;
  ios_in_progress: number;
  time_io_ms: number;
  weighted_time_io_ms: number;
  discards_completed?: number;
  discards_merged?: number;
  sectors_discarded?: number;
  time_discarding_ms?: number;
  flush_requests?: number;
  time_flushing_ms?: number;
}

const COLUMNS: readonly ColumnSpec[] = [
  ['major', 'uint'],
  ['minor', 'uint'],
  ['device', 'str'],
  ['reads_completed', 'uint'],
  ['reads_merged', 'uint'],
  ['sectors_read', 'uint'],
  ['time_reading_ms', 'uint'],
  ['writes_completed', 'uint'],
  ['writes_merged', 'uint'],
  ['sectors_written', 'uint'],
  ['time_writing_ms', 'uint'],
  ['ios_in_progress', 'uint'],
  ['time_io_ms', 'uint'],
  ['weighted_time_io_ms', 'uint'],
  ['discards_completed', 'uint'],
  ['discards_merged', 'uint'],
  ['sectors_discarded', 'uint'],
  ['time_discarding_ms', 'uint'],
  ['flush_requests', 'uint'],
  ['time_flushing_ms', 'uint'],
];

/** The layouts kernels print: 14 columns (2.6.25+), 18 (4.18+: discards), 20 (5.5+: flushes). */
const LAYOUTS = { allowed: [14, 18, 20], described: '14, 18 or 20 columns (Linux 2.6.25+, 4.18+, 5.5+)' };

export function parseDiskstats(text: string, file = 'diskstats'): DiskstatsRecord[] {
  return whitespaceTable(new Lines(file, text), COLUMNS, { optionalFrom: 14, counts: LAYOUTS }) as unknown as DiskstatsRecord[];
}

export const diskstats = defineHandler<DiskstatsRecord>({
  name: 'diskstats',
  summary: 'I/O statistics per block device',
  parse: parseDiskstats,
});
