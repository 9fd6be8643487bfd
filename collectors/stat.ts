/**
 * stat: kernel/system statistics from /proc/stat, as node_exporter's stat
 * collector: interrupts, context switches, forks, boot time, running and
 * blocked processes, and with `softirq` (--collector.stat.softirq, off by
 * default) node_softirqs_total{vector} from the `softirq` line, in the kernel's
 * vector order (hi timer net_tx net_rx block block_iopoll tasklet sched hrtimer rcu).
 * Per-CPU times are the cpu collector's.
 * node_exporter: collector/stat_linux.go.
 */
import type { StatRecord } from '../src/parsers/stat';
import { defineCollector, mapping } from '../src/collector';

const VECTORS = ['hi', 'timer', 'net_tx', 'net_rx', 'block', 'block_iopoll', 'tasklet', 'sched', 'hrtimer', 'rcu'] as const;

const line = (statName: string, name: string, help: string, type: 'counter' | 'gauge', field: 'value' | 'total' = 'value') =>
  mapping<StatRecord>({
    from: 'stat',
    where: (r) => r.name === statName,
    name,
    help,
    type,
    value: field,
  });

export const stat = defineCollector({
  name: 'stat',
  description: 'Kernel and system statistics (/proc/stat).',
  defaultEnabled: true,
  reads: { stat: 'required' },
  options: {
    softirq: { type: 'boolean', default: false, description: 'Export softirq calls per vector.' },
  },
  metrics: [
    line('intr', 'node_intr_total', 'Total number of interrupts serviced.', 'counter', 'total'),
    line('ctxt', 'node_context_switches_total', 'Total number of context switches.', 'counter'),
    line('processes', 'node_forks_total', 'Total number of forks.', 'counter'),
    line('btime', 'node_boot_time_seconds', 'Node boot time, in unixtime.', 'gauge'),
    line('procs_running', 'node_procs_running', 'Number of processes in runnable state.', 'gauge'),
    line('procs_blocked', 'node_procs_blocked', 'Number of processes blocked waiting for I/O to complete.', 'gauge'),
    mapping<StatRecord>({
      from: 'stat',
      where: (r, { options }) => options.softirq === true && r.kind === 'counts' && r.name === 'softirq',
      // Vector i is count i; a kernel with fewer vectors has no series for the rest.
      each: (r) => (r.kind === 'counts' ? Object.fromEntries(r.counts.slice(0, VECTORS.length).map((v, i) => [VECTORS[i], v])) : undefined),
      name: 'node_softirqs_total',
      help: 'Number of softirq calls.',
      type: 'counter',
      labels: { vector: '$key' },
    }),
  ],
});
