/**
 * schedstat: per-CPU scheduler statistics from /proc/schedstat, as
 * node_exporter's schedstat collector (on by default): running and waiting
 * time (nanoseconds → seconds) and timeslices per CPU. A kernel without
 * CONFIG_SCHEDSTATS has no file: the run fails as "no data", as there.
 * node_exporter: collector/schedstat_linux.go (procfs schedstat.go: the 7th,
 * 8th and 9th numbers of each cpuN line).
 */
import type { SchedstatRecord } from '../src/parsers/schedstat';
import { defineCollector, mapping } from '../src/collector';

/** Divides as node_exporter does (ns / 1e9): multiplying by 1e-9 rounds differently in the last digit. */
const NS_PER_SECOND = 1e9;

function cpu(name: string, help: string, field: 'rq_cpu_time' | 'run_delay' | 'pcount', perSecond?: number) {
  return mapping<SchedstatRecord>({
    from: 'schedstat',
    name,
    help,
    type: 'counter',
    labels: { cpu: 'cpu' },
    value: ({ record }) => (perSecond === undefined ? record[field] : record[field] / perSecond),
  });
}

export const schedstat = defineCollector({
  name: 'schedstat',
  description: 'Scheduler statistics per CPU (/proc/schedstat).',
  defaultEnabled: true,
  reads: { schedstat: 'required' },
  metrics: [
    cpu('node_schedstat_running_seconds_total', 'Number of seconds CPU spent running a process.', 'rq_cpu_time', NS_PER_SECOND),
    cpu('node_schedstat_waiting_seconds_total', 'Number of seconds spent by processing waiting for this CPU.', 'run_delay', NS_PER_SECOND),
    cpu('node_schedstat_timeslices_total', 'Number of timeslices executed by CPU.', 'pcount'),
  ],
});
