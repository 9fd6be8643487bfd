/**
 * loadavg: load averages from /proc/loadavg, as node_exporter's loadavg collector.
 * node_exporter: collector/loadavg.go, loadavg_linux.go.
 */
import type { LoadavgRecord } from '../src/parsers/loadavg';
import { defineCollector, mapping } from '../src/collector';

const load = (minutes: 1 | 5 | 15) =>
  mapping<LoadavgRecord>({
    from: 'loadavg',
    name: `node_load${minutes}`,
    help: `${minutes}m load average.`,
    type: 'gauge',
    value: `load${minutes}`,
  });

export const loadavg = defineCollector({
  name: 'loadavg',
  description: 'Load averages (/proc/loadavg).',
  defaultEnabled: true,
  reads: { loadavg: 'required' },
  metrics: [load(1), load(5), load(15)],
});
