/**
 * softnet: per-CPU packet processing statistics from /proc/net/softnet_stat,
 * as node_exporter's softnet collector. The `cpu` label is the CPU number the
 * kernel prints (5.10+), else the row number (procfs's Index: on an older
 * kernel with an offline CPU the rows after it are numbered as node_exporter
 * numbers them). Columns an older kernel does not print (flow_limit_count
 * before 3.11, backlog_len before 5.10) are 0, as procfs leaves them there.
 * node_exporter: collector/softnet_linux.go (procfs net_softnet.go).
 */
import type { SoftnetStatRecord } from '../src/parsers/net/softnet_stat';
import { defineCollector, mapping } from '../src/collector';

const column = (field: keyof SoftnetStatRecord & string, name: string, help: string, type: 'counter' | 'gauge' = 'counter') =>
  mapping<SoftnetStatRecord>({
    from: 'net/softnet_stat',
    name,
    help,
    type,
    labels: { cpu: 'cpu' },
    value: ({ record }) => (typeof record[field] === 'number' ? record[field] : 0),
  });

export const softnet = defineCollector({
  name: 'softnet',
  description: 'Per-CPU network softirq statistics (/proc/net/softnet_stat).',
  defaultEnabled: true,
  reads: { 'net/softnet_stat': 'required' },
  metrics: [
    column('processed', 'node_softnet_processed_total', 'Number of processed packets'),
    column('dropped', 'node_softnet_dropped_total', 'Number of dropped packets'),
    column('time_squeeze', 'node_softnet_times_squeezed_total', 'Number of times processing packets ran out of quota'),
    column('cpu_collision', 'node_softnet_cpu_collision_total', 'Number of collision occur while obtaining device lock while transmitting'),
    column('received_rps', 'node_softnet_received_rps_total', 'Number of times cpu woken up received_rps'),
    column('flow_limit_count', 'node_softnet_flow_limit_count_total', 'Number of times flow limit has been reached'),
    column('backlog_len', 'node_softnet_backlog_len', 'Softnet backlog status', 'gauge'),
  ],
});
