/**
 * /proc/loadavg — load averages and scheduling entity counts.
 * Kernel: fs/proc/loadavg.c, loadavg_proc_show() ("%lu.%02lu %lu.%02lu %lu.%02lu %u/%d %d\n").
 * Sample: "0.55 0.38 0.34 1/578 21870"
 *
 * nr_running/nr_threads and last_pid are the kernel's names for the fourth
 * and fifth fields (runnable entities / existing entities, most recent PID):
 * counts and a pid, so unsigned integers.
 */
import { defineHandler } from '../handler';
import { fields, Lines, requireContent } from './helpers';

export interface LoadavgRecord {
  load1: number;
  load5: number;
  load15: number;
  nr_running: number;
  nr_threads: number;
  last_pid: number;
}

export function parseLoadavg(text: string, file = 'loadavg'): LoadavgRecord[] {
  const src = new Lines(file, text);
  requireContent(src, 'the load averages');
  if (src.length > 1) src.fail(1, 'expected one line');
  const f = fields(src.lines[0]);
  if (f.length !== 5) src.fail(0, `expected "load1 load5 load15 running/threads last_pid", found ${f.length} fields`);
  const slash = f[3].indexOf('/');
  if (slash < 0) src.fail(0, `expected "running/threads" (${JSON.stringify(f[3])})`);
  return [
    {
      load1: src.float(f[0], 0, 'load1'),
      load5: src.float(f[1], 0, 'load5'),
      load15: src.float(f[2], 0, 'load15'),
      nr_running: src.uint(f[3].slice(0, slash), 0, 'nr_running'),
      nr_threads: src.uint(f[3].slice(slash + 1), 0, 'nr_threads'),
      last_pid: src.uint(f[4], 0, 'last_pid'),
    },
  ];
}

export const loadavg = defineHandler<LoadavgRecord>({
  name: 'loadavg',
  summary: 'load averages, runnable/existing scheduling entities, last PID',
  parse: parseLoadavg,
});
