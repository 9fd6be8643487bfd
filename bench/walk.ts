/**
 * Figure 6, walk: the process walker over this machine's /proc (µs per
 * process) and the event loop's worst delay meanwhile. Target: ≤ 20 ms.
 */
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import { walkProcesses } from '../src/processes';
import { ProcFs } from '../src/procfs';
import { getHandler } from '../src/registry';
import { median, log, type Options, type Report } from './runner';

export async function benchWalk(o: Options, report: Report): Promise<void> {
  const wanted = ['pid/stat', 'pid/status', 'pid/statm', 'pid/io', 'pid/cmdline', 'pid/limits', 'pid/schedstat'];
  const files = wanted.filter((f) => getHandler(f) !== undefined);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const perProcess: number[] = [];
  let walked = 0;
  delay.enable();
  for (let r = 0; r < (o.quick ? 1 : 5); r++) {
    let count = 0;
    const started = performance.now();
    for await (const _record of walkProcesses({ procfs: new ProcFs('/proc'), files })) count++;
    perProcess.push(((performance.now() - started) * 1000) / Math.max(count, 1));
    walked = count;
  }
  delay.disable();
  const us = median(perProcess);
  log(
    `walk: ${walked} processes × ${files.length} files: ${us.toFixed(1)} µs per process; event loop max ${(delay.max / 1e6).toFixed(1)} ms`,
  );
  report.details.walk = { files, processes: walked, usPerProcess: us, eventLoopMaxMs: delay.max / 1e6 };
  report.row({
    section: 'walk',
    metric: `process walk (${walked} processes, ${files.length} files each)`,
    value: us,
    unit: 'µs/proc',
    target: '',
  });
  report.row({
    section: 'walk',
    metric: 'process walk: max event-loop delay',
    value: delay.max / 1e6,
    unit: 'ms',
    target: '≤ 20 ms',
    pass: delay.max / 1e6 <= 20,
  });
}
