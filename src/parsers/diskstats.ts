/**
 * /proc/diskstats — I/O statistics of block devices.
 * Kernel: block/genhd.c, diskstats_show(); fields in Documentation/admin-guide/iostats.rst.
 * Sample: "   8       0 sda 4925 2264 275866 1950 1234 873 20000 3000 0 3490 4950 0 0 0 0 10 20"
 *
 * Linux 3.2 prints 14 columns; 4.18 adds four discard columns and 5.5 two
 * flush columns. Columns a kernel does not print are absent, not zero.
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
  ['major', 'int'],
  ['minor', 'int'],
  ['device', 'str'],
  ['reads_completed', 'int'],
  ['reads_merged', 'int'],
  ['sectors_read', 'int'],
  ['time_reading_ms', 'int'],
  ['writes_completed', 'int'],
  ['writes_merged', 'int'],
  ['sectors_written', 'int'],
  ['time_writing_ms', 'int'],
  ['ios_in_progress', 'int'],
  ['time_io_ms', 'int'],
  ['weighted_time_io_ms', 'int'],
  ['discards_completed', 'int'],
  ['discards_merged', 'int'],
  ['sectors_discarded', 'int'],
  ['time_discarding_ms', 'int'],
  ['flush_requests', 'int'],
  ['time_flushing_ms', 'int'],
];

export function parseDiskstats(text: string, file = 'diskstats'): DiskstatsRecord[] {
  return whitespaceTable(new Lines(file, text), COLUMNS, { optionalFrom: 14 }) as unknown as DiskstatsRecord[];
}

export const diskstats = defineHandler<DiskstatsRecord>({
  name: 'diskstats',
  summary: 'I/O statistics per block device',
  parse: parseDiskstats,
});
