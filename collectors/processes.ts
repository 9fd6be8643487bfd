/**
 * processes: process and thread counts from every /proc/<pid>/stat (and
 * /proc/<pid>/task/<tid>/stat), with the limits in /proc/sys/kernel/pid_max
 * and threads-max, as node_exporter's processes collector (off by default):
 * node_processes_pids, node_processes_threads (the sum of num_threads),
 * node_processes_state{state}, node_processes_threads_state{thread_state},
 * node_processes_max_processes, node_processes_max_threads (gauges).
 *
 * The walk (src/processes.ts) is asynchronous and gives the event loop a turn
 * every few milliseconds, so it runs as the collector's `gather` function. As
 * node_exporter: a process or thread that exits during the walk is skipped;
 * a stat file that cannot be parsed fails the run; a process's own thread
 * (tid = pid) counts with the process's state; without a task directory a
 * process adds no thread states. Without pid_max or threads-max the run fails.
 * node_exporter: collector/processes_linux.go (procfs proc_stat.go).
 */
import type { SysctlValueRecord } from '../src/parsers/formats/sysctl-integer';
import { defineCollector, mapping, walkProcesses, type GatherContext } from '../src/collector';

export interface ProcessSummary {
  pids: number;
  threads: number;
  states: Record<string, number>;
  threadStates: Record<string, number>;
  maxThreads: number;
  maxProcesses: number;
}

const SOURCE = 'pid/stat';

async function summarize({ procfs, read }: GatherContext): Promise<ProcessSummary> {
  const summary: ProcessSummary = { pids: 0, threads: 0, states: {}, threadStates: {}, maxThreads: 0, maxProcesses: 0 };
  const processState = new Map<number, string>();
  const add = (map: Record<string, number>, key: string): void => {
    map[key] = (map[key] ?? 0) + 1;
  };
  for await (const p of walkProcesses({ procfs, files: [SOURCE], threads: true })) {
    const error = p.errors?.[SOURCE];
    if (error) throw new Error(`error reading stat for pid ${p.pid}${p.tid === undefined ? '' : ` thread ${p.tid}`}: ${error.message}`);
    const stat = p.files[SOURCE]?.[0];
    if (stat === undefined) continue; // gone, or not readable: as node_exporter's ignored errors
    if (p.tid === undefined) {
      summary.pids++;
      add(summary.states, stat.state);
      summary.threads += stat.num_threads;
      processState.set(p.pid, stat.state);
    } else {
      add(summary.threadStates, p.tid === p.pid ? (processState.get(p.pid) ?? stat.state) : stat.state);
    }
  }
  summary.maxThreads = (await read<SysctlValueRecord>('sys/kernel/threads-max', 'required'))[0]?.value ?? 0;
  summary.maxProcesses = (await read<SysctlValueRecord>('sys/kernel/pid_max', 'required'))[0]?.value ?? 0;
  return summary;
}

function gauge(name: string, help: string, value: 'pids' | 'threads' | 'maxThreads' | 'maxProcesses') {
  return mapping<ProcessSummary>({ from: SOURCE, name, help, type: 'gauge', value });
}

export const processes = defineCollector({
  name: 'processes',
  description: 'Process and thread counts by state, and their limits (/proc/<pid>/stat, /proc/sys/kernel).',
  defaultEnabled: false,
  reads: { 'pid/stat': 'required', 'sys/kernel/pid_max': 'required', 'sys/kernel/threads-max': 'required' },
  gather: async (ctx) => ({ [SOURCE]: [await summarize(ctx)] }),
  metrics: [
    gauge('node_processes_threads', 'Allocated threads in system', 'threads'),
    gauge('node_processes_max_threads', 'Limit of threads in the system', 'maxThreads'),
    mapping<ProcessSummary>({
      from: SOURCE,
      each: 'states',
      name: 'node_processes_state',
      help: 'Number of processes in each state.',
      type: 'gauge',
      labels: { state: '$key' },
    }),
    mapping<ProcessSummary>({
      from: SOURCE,
      each: 'threadStates',
      name: 'node_processes_threads_state',
      help: 'Number of threads in each state.',
      type: 'gauge',
      labels: { thread_state: '$key' },
    }),
    gauge('node_processes_pids', 'Number of PIDs', 'pids'),
    gauge('node_processes_max_processes', 'Number of max PIDs limit', 'maxProcesses'),
  ],
});
