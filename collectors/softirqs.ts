/**
 * softirqs: softirq counts per type and CPU from /proc/softirqs, as
 * node_exporter's softirqs collector (off by default there, as here):
 * node_softirqs_functions_total{cpu="0",type="NET_RX"}.
 * node_exporter: collector/softirqs_linux.go, softirqs_common.go.
 */
import type { SoftirqsRecord } from '../src/parsers/softirqs';
import { defineCollector, mapping } from '../src/collector';

export const softirqs = defineCollector({
  name: 'softirqs',
  description: 'Softirq counts per type and CPU (/proc/softirqs).',
  defaultEnabled: false,
  reads: { softirqs: 'required' },
  metrics: [
    mapping<SoftirqsRecord>({
      from: 'softirqs',
      each: 'cpus',
      name: 'node_softirqs_functions_total',
      help: 'Softirq counts per CPU.',
      type: 'counter',
      labels: { cpu: ({ key }) => key.replace(/^CPU/, ''), type: 'name' },
    }),
  ],
});
