/**
 * /proc/<pid>/stat — the process's status fields in one line.
 * Kernel: fs/proc/array.c, do_task_stat(); names from proc_pid_stat(5).
 * Sample: "7984 (python3) S 1 7939 4782 0 -1 4194304 2217 0 0 0 1 0 0 0 20 0 1 0 48424 17510400 3583 …"
 *
 * The command name sits in parentheses and may itself contain spaces and
 * parentheses (`(my (weird) proc)`), so the line is split at the LAST `)`.
 * Linux 6.x prints 52 fields, Linux 3.2 prints 44 (start_data onwards came
 * in 3.3 and 3.5); fields a kernel does not print are absent. At least the 41
 * fields every 2.6 kernel prints are required. Numbers are printed in decimal
 * (addresses and signal masks too) and stay numbers; values past 2^53 (rsslim
 * "unlimited" = 18446744073709551615) become the nearest float64.
 * The synthetic fixture fixtures/synthetic/proc/1234/stat (a command name with
 * spaces and parentheses) follows do_task_stat()'s seq_put_decimal_* calls.
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';

export interface StatRecord {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
  tty_nr: number;
  tpgid: number;
  flags: number;
  minflt: number;
  cminflt: number;
  majflt: number;
  cmajflt: number;
  utime: number;
  stime: number;
  cutime: number;
  cstime: number;
  priority: number;
  nice: number;
  num_threads: number;
  itrealvalue: number;
  starttime: number;
  vsize: number;
  rss: number;
  rsslim: number;
  startcode: number;
  endcode: number;
  startstack: number;
  kstkesp: number;
  kstkeip: number;
  signal: number;
  blocked: number;
  sigignore: number;
  sigcatch: number;
  wchan: number;
  nswap: number;
  cnswap: number;
  exit_signal: number;
  processor: number;
  rt_priority: number;
  policy: number;
  delayacct_blkio_ticks?: number;
  guest_time?: number;
  cguest_time?: number;
  start_data?: number;
  end_data?: number;
  start_brk?: number;
  arg_start?: number;
  arg_end?: number;
  env_start?: number;
  env_end?: number;
  exit_code?: number;
}

/** The fields after `state`, in the kernel's order (field 4 onwards). */
const NUMERIC_FIELDS = [
  'ppid',
  'pgrp',
  'session',
  'tty_nr',
  'tpgid',
  'flags',
  'minflt',
  'cminflt',
  'majflt',
  'cmajflt',
  'utime',
  'stime',
  'cutime',
  'cstime',
  'priority',
  'nice',
  'num_threads',
  'itrealvalue',
  'starttime',
  'vsize',
  'rss',
  'rsslim',
  'startcode',
  'endcode',
  'startstack',
  'kstkesp',
  'kstkeip',
  'signal',
  'blocked',
  'sigignore',
  'sigcatch',
  'wchan',
  'nswap',
  'cnswap',
  'exit_signal',
  'processor',
  'rt_priority',
  'policy',
  'delayacct_blkio_ticks',
  'guest_time',
  'cguest_time',
  'start_data',
  'end_data',
  'start_brk',
  'arg_start',
  'arg_end',
  'env_start',
  'env_end',
  'exit_code',
] as const;

/** Fields 1–41 (pid … policy) are printed by every 2.6+ kernel. */
const REQUIRED_AFTER_STATE = 38;

export function parseStat(text: string, file = 'pid/stat'): StatRecord[] {
  // The kernel prints comm raw here: a name set with prctl(PR_SET_NAME) may even hold a
  // newline, so the whole text is the line and only what follows the last ")" must be one line.
  const line = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (line === '') return [];
  const src = new Lines(file, line.replace(/\n/g, ' '));
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open <= 0 || close < open) src.fail(0, 'expected "pid (comm) state …"');
  if (line.indexOf('\n', close) >= 0) src.fail(0, 'expected one line after the command name');
  const record: Record<string, number | string> = {
    pid: src.int(line.slice(0, open).trim(), 0, 'pid'),
    comm: line.slice(open + 1, close),
  };
  const rest = fields(line.slice(close + 1));
  if (rest.length < REQUIRED_AFTER_STATE + 1) {
    src.fail(0, `expected at least ${REQUIRED_AFTER_STATE + 3} fields, found ${rest.length + 2}`);
  }
  record.state = rest[0];
  const n = Math.min(rest.length - 1, NUMERIC_FIELDS.length);
  for (let f = 0; f < n; f++) record[NUMERIC_FIELDS[f]] = src.int(rest[f + 1], 0, NUMERIC_FIELDS[f]);
  if (rest.length - 1 > NUMERIC_FIELDS.length) {
    // A newer kernel's extra fields: kept under their position (field 53, …) rather than failing.
    for (let f = NUMERIC_FIELDS.length; f < rest.length - 1; f++) record[`field_${f + 4}`] = src.int(rest[f + 1], 0, `field ${f + 4}`);
  }
  return [record as unknown as StatRecord];
}

export const stat = defineHandler<StatRecord>({
  name: 'pid/stat',
  summary: 'process status fields (proc_pid_stat(5) names; comm may hold spaces and parentheses)',
  parse: parseStat,
});
