/**
 * swap: the swap areas of /proc/swaps, as node_exporter's swap collector (off
 * by default): node_swap_size_bytes, node_swap_used_bytes and
 * node_swap_priority, gauges labelled by device (the Filename column as the
 * kernel prints it, octal escapes included, as procfs keeps it) and type
 * (partition or file). Size and Used are KiB in the file: × 1024. No
 * /proc/swaps fails the run, as there; a header without areas gives no series.
 * node_exporter: collector/swap_linux.go (procfs swaps.go).
 */
import type { SwapsRecord } from '../src/parsers/swaps';
import { defineCollector, mapping, type MetricMapping } from '../src/collector';

function gauge(name: string, help: string, value: keyof SwapsRecord, scale = 1): MetricMapping<SwapsRecord> {
  return mapping<SwapsRecord>({ from: 'swaps', name, help, type: 'gauge', labels: { device: 'Filename', type: 'Type' }, value, scale });
}

export const swap = defineCollector({
  name: 'swap',
  description: 'Swap areas: size, use and priority (/proc/swaps).',
  defaultEnabled: false,
  reads: { swaps: 'required' },
  metrics: [
    gauge('node_swap_size_bytes', 'Swap device size in bytes.', 'Size', 1024),
    gauge('node_swap_used_bytes', 'Swap device used in bytes.', 'Used', 1024),
    gauge('node_swap_priority', 'Swap device priority.', 'Priority'),
  ],
});
