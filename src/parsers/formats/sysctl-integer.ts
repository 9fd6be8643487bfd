/**
 * Format: one integer on one line — the sysctls under /proc/sys printed by
 * proc_dointvec() and its variants (kernel/sysctl.c): sys/kernel/pid_max,
 * sys/kernel/threads-max, sys/kernel/hung_task_detect_count,
 * sys/kernel/random/entropy_avail and poolsize,
 * sys/net/netfilter/nf_conntrack_count and nf_conntrack_max.
 * Sample: "4194304"
 *
 * One record `{ value }`; an empty file (a sysctl that printed nothing) gives
 * none. The number is read by singleInteger() of helpers.ts.
 */
import { defineHandler, type Handler } from '../../handler';
import { Lines, singleInteger } from '../helpers';

export interface SysctlValueRecord {
  value: number;
}

export function parseSysctlInteger(text: string, file: string): SysctlValueRecord[] {
  return singleInteger(new Lines(file, text));
}

/** The handler of a one-integer file; `name` is its path under /proc. */
export function sysctlIntegerHandler(name: string, summary: string): Handler<SysctlValueRecord> {
  return defineHandler<SysctlValueRecord>({ name, summary, parse: (text, file) => parseSysctlInteger(text, file ?? name) });
}
