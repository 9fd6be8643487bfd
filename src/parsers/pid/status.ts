/**
 * /proc/<pid>/status — the process's status as `Key:\tvalue` lines.
 * Kernel: fs/proc/array.c, proc_pid_status() (task_name, task_state, task_mem,
 * task_sig, task_cap, task_seccomp, task_cpus_allowed, task_context_switch_counts).
 * Sample: "VmRSS:\t   14436 kB"
 *
 * One record per file, keyed by the kernel's names; every line is kept, new
 * ones included. `N kB` values are numbers in kB under `kB` (VmRSS → kB.VmRSS);
 * Uid/Gid are the four ids; Groups and NStgid/NSpid/NSpgid/NSsid are number
 * lists; masks (SigPnd, SigIgn, CapEff, Cpus_allowed, Mems_allowed, Umask,
 * untag_mask…), SigQ, State and the *_list values stay text as written. The
 * numeric fields the kernel prints with %d/%u/%lu (Pid, PPid, Tgid, Threads,
 * FDSize, the context switch counts, …) are unsigned integers or a ParseError
 * (`Pid:\tx`, an empty `PPid:`, `Threads:\tInfinity`, `Tgid:\t0x10`). Other
 * plain decimal values (lines a newer kernel adds) are numbers; anything else
 * there stays text.
 */
import { defineHandler } from '../../handler';
import { fields, integerOf, Lines } from '../helpers';

export interface IdQuad {
  real: number;
  effective: number;
  saved: number;
  filesystem: number;
}

export interface StatusRecord {
  Name?: string;
  State?: string;
  Tgid?: number;
  Pid?: number;
  PPid?: number;
  Uid?: IdQuad;
  Gid?: IdQuad;
  Groups?: number[];
  Threads?: number;
  SigQ?: string;
  Cpus_allowed?: string;
  Cpus_allowed_list?: string;
  /** Every `N kB` line, in kB, by the kernel's name. */
  kB: Record<string, number>;
  [key: string]: string | number | number[] | IdQuad | Record<string, number> | undefined;
}

/** Values that are text whatever they look like. */
const TEXT_KEYS = new Set(['Name', 'State', 'SigQ', 'Umask', 'untag_mask', 'Cpus_allowed', 'Mems_allowed']);
const LIST_KEYS = new Set(['Groups', 'NStgid', 'NSpid', 'NSpgid', 'NSsid']);
/** Values the kernel prints as one decimal number (fs/proc/array.c: task_state, task_context_switch_counts, …). */
const NUMBER_KEYS = new Set([
  'Tgid',
  'Ngid',
  'Pid',
  'PPid',
  'TracerPid',
  'FDSize',
  'Kthread',
  'Threads',
  'CoreDumping',
  'THP_enabled',
  'NoNewPrivs',
  'Seccomp',
  'Seccomp_filters',
  'voluntary_ctxt_switches',
  'nonvoluntary_ctxt_switches',
]);

function isMask(key: string): boolean {
  return TEXT_KEYS.has(key) || key.startsWith('Sig') || key.startsWith('Shd') || key.startsWith('Cap') || key.endsWith('_list');
}

export function parseStatus(text: string, file = 'pid/status'): StatusRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  const kB: Record<string, number> = {};
  const record = {} as StatusRecord;
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) src.fail(i, 'expected "Key:\\tvalue"');
    const key = line.slice(0, colon);
    if (key === 'Name') {
      // The command name may hold spaces: everything after the tab, as written.
      record.Name = line.charCodeAt(colon + 1) === 9 ? line.slice(colon + 2) : line.slice(colon + 1).trim();
      continue;
    }
    const value = line.slice(colon + 1).trim();
    if (key === 'Uid' || key === 'Gid') {
      const ids = fields(value);
      if (ids.length !== 4) src.fail(i, `expected four ids (real, effective, saved, filesystem), found ${ids.length}`);
      record[key] = {
        real: src.int(ids[0], i, `${key} real`),
        effective: src.int(ids[1], i, `${key} effective`),
        saved: src.int(ids[2], i, `${key} saved`),
        filesystem: src.int(ids[3], i, `${key} filesystem`),
      };
    } else if (LIST_KEYS.has(key)) {
      record[key] = fields(value).map((t) => src.int(t, i, key));
    } else if (value.endsWith(' kB')) {
      kB[key] = src.int(value.slice(0, -3).trim(), i, key);
    } else if (NUMBER_KEYS.has(key)) {
      record[key] = src.uint(value === '' ? undefined : value, i, key);
    } else if (isMask(key)) {
      if (value === '') src.fail(i, `missing ${key}`);
      record[key] = value;
    } else {
      // Zero-padded values (Umask "0022") are octal masks: kept as written.
      record[key] = value.length > 1 && value[0] === '0' ? value : (integerOf(value) ?? value);
    }
  }
  record.kB = kB;
  return [record];
}

export const status = defineHandler<StatusRecord>({
  name: 'pid/status',
  summary: 'process status (Key: value; kB values under kB, masks as written)',
  parse: parseStatus,
});
