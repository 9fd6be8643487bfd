/**
 * filefd: file handle counts from /proc/sys/fs/file-nr, as node_exporter's
 * filefd collector (the second column, always 0 since 2.6, is not exported).
 * node_exporter: collector/filefd_linux.go.
 */
import type { FileNrRecord } from '../src/parsers/sys/fs/file-nr';
import { defineCollector, mapping } from '../src/collector';

const stat = (field: 'allocated' | 'maximum') =>
  mapping<FileNrRecord>({
    from: 'sys/fs/file-nr',
    name: `node_filefd_${field}`,
    help: `File descriptor statistics: ${field}.`,
    type: 'gauge',
    value: field,
  });

export const filefd = defineCollector({
  name: 'filefd',
  description: 'File handles in use and maximum (/proc/sys/fs/file-nr).',
  defaultEnabled: true,
  reads: { 'sys/fs/file-nr': 'required' },
  metrics: [stat('allocated'), stat('maximum')],
});
