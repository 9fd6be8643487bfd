/**
 * diskstats: I/O statistics per block device from /proc/diskstats, with
 * node_exporter's names, help texts, types and units (sectors × 512 → bytes,
 * milliseconds / 1000 → seconds; discarded sectors stay sectors). Only the
 * columns the kernel prints become series (3.2 has no discard/flush columns).
 * node_exporter: collector/diskstats_linux.go, diskstats_common.go.
 */
import type { DiskstatsRecord } from '../src/parsers/diskstats';
import { defineCollector, mapping, type MetricMapping } from '../src/collector';

const SECTOR = 512;
const MS = 0.001;

function disk(
  name: string,
  help: string,
  value: keyof DiskstatsRecord,
  type: 'counter' | 'gauge' = 'counter',
  scale?: number,
): MetricMapping<DiskstatsRecord> {
  return mapping<DiskstatsRecord>({ from: 'diskstats', name, help, type, labels: { device: 'device' }, value, scale });
}

export const diskstats = defineCollector({
  name: 'diskstats',
  description: 'Disk I/O statistics (/proc/diskstats).',
  defaultEnabled: true,
  reads: { diskstats: 'required' },
  options: {
    deviceExclude: {
      type: 'regex',
      default: '^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$',
      description: 'Regexp of diskstats devices to exclude.',
    },
    deviceInclude: { type: 'regex', default: '', description: 'Regexp of diskstats devices to include.' },
  },
  filters: [{ subject: 'device', include: 'deviceInclude', exclude: 'deviceExclude' }],
  metrics: [
    disk('node_disk_reads_completed_total', 'The total number of reads completed successfully.', 'reads_completed'),
    disk('node_disk_reads_merged_total', 'The total number of reads merged.', 'reads_merged'),
    disk('node_disk_read_bytes_total', 'The total number of bytes read successfully.', 'sectors_read', 'counter', SECTOR),
    disk('node_disk_read_time_seconds_total', 'The total number of seconds spent by all reads.', 'time_reading_ms', 'counter', MS),
    disk('node_disk_writes_completed_total', 'The total number of writes completed successfully.', 'writes_completed'),
    disk('node_disk_writes_merged_total', 'The number of writes merged.', 'writes_merged'),
    disk('node_disk_written_bytes_total', 'The total number of bytes written successfully.', 'sectors_written', 'counter', SECTOR),
    disk(
      'node_disk_write_time_seconds_total',
      'This is the total number of seconds spent by all writes.',
      'time_writing_ms',
      'counter',
      MS,
    ),
    disk('node_disk_io_now', 'The number of I/Os currently in progress.', 'ios_in_progress', 'gauge'),
    disk('node_disk_io_time_seconds_total', 'Total seconds spent doing I/Os.', 'time_io_ms', 'counter', MS),
    disk('node_disk_io_time_weighted_seconds_total', 'The weighted # of seconds spent doing I/Os.', 'weighted_time_io_ms', 'counter', MS),
    disk('node_disk_discards_completed_total', 'The total number of discards completed successfully.', 'discards_completed'),
    disk('node_disk_discards_merged_total', 'The total number of discards merged.', 'discards_merged'),
    disk('node_disk_discarded_sectors_total', 'The total number of sectors discarded successfully.', 'sectors_discarded'),
    disk(
      'node_disk_discard_time_seconds_total',
      'This is the total number of seconds spent by all discards.',
      'time_discarding_ms',
      'counter',
      MS,
    ),
    disk('node_disk_flush_requests_total', 'The total number of flush requests completed successfully', 'flush_requests'),
    disk(
      'node_disk_flush_requests_time_seconds_total',
      'This is the total number of seconds spent by all flush requests.',
      'time_flushing_ms',
      'counter',
      MS,
    ),
  ],
});
