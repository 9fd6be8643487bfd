/**
 * /proc/<pid>/timers — the process's POSIX timers (timer_create(2)).
 * Kernel: fs/proc/base.c, show_timer(): "ID: %d", "signal: %d/%px",
 * "notify: %s/%s.%d", "ClockID: %d", one block of four lines per timer.
 * Sample: "notify: signal/pid.26543"
 *
 * One record per timer: ID and ClockID by the kernel's names; `signal` the
 * signal number and `sigev_value` the sigev_value pointer (hex as written);
 * `notify` the kind (signal, none, thread) and `notify_target` (pid or tid)
 * with `notify_id`.
 */
import { defineHandler } from '../../handler';
import { Lines } from '../helpers';

export interface TimersRecord {
  ID: number;
  signal: number;
  sigev_value: string;
  notify: string;
  notify_target: string;
  notify_id: number;
  ClockID: number;
}

function value(src: Lines, i: number, key: string): string {
  const line = src.lines[i];
  if (line === undefined || !line.startsWith(`${key}: `)) src.fail(i, `expected "${key}: …" (a timer is ID, signal, notify, ClockID)`);
  return line.slice(key.length + 2).trim();
}

export function parseTimers(text: string, file = 'pid/timers'): TimersRecord[] {
  const src = new Lines(file, text);
  const records: TimersRecord[] = [];
  for (let i = 0; i < src.length; i += 4) {
    const id = src.int(value(src, i, 'ID'), i, 'ID');
    const signal = value(src, i + 1, 'signal');
    const slash = signal.indexOf('/');
    if (slash <= 0) src.fail(i + 1, 'expected "signal: signo/value"');
    const notify = value(src, i + 2, 'notify');
    const nslash = notify.indexOf('/');
    const dot = notify.indexOf('.', nslash);
    if (nslash <= 0 || dot < 0) src.fail(i + 2, 'expected "notify: kind/pid.N"');
    const sigevValue = signal.slice(slash + 1);
    src.hex(sigevValue, i + 1, 'signal value');
    records.push({
      ID: id,
      signal: src.int(signal.slice(0, slash), i + 1, 'signal'),
      sigev_value: sigevValue,
      notify: notify.slice(0, nslash),
      notify_target: notify.slice(nslash + 1, dot),
      notify_id: src.int(notify.slice(dot + 1), i + 2, 'notify id'),
      ClockID: src.int(value(src, i + 3, 'ClockID'), i + 3, 'ClockID'),
    });
  }
  return records;
}

export const timers = defineHandler<TimersRecord>({
  name: 'pid/timers',
  summary: 'POSIX timers of the process (ID, signal, notify, clock)',
  parse: parseTimers,
});
