/**
 * /proc/sys/kernel/pid_max and /proc/sys/kernel/threads-max — one number each.
 * Kernel: kernel/pid.c, pid_table ("pid_max": proc_dointvec_minmax over
 * pid_max) and kernel/fork.c, kern_fork_table ("threads-max":
 * sysctl_max_threads, printed by proc_dointvec).
 * Sample: "4194304"
 *
 * pid_max: the value after which pids wrap (one more than the largest pid);
 * threads-max: the most threads fork() will create system-wide. One record `{ value }`.
 */
import { defineHandler, type Handler } from '../../../handler';
import { parseSysctlInteger, type SysctlValueRecord } from '../net/netfilter/nf_conntrack';

function kernelHandler(leaf: string, summary: string): Handler<SysctlValueRecord> {
  const name = `sys/kernel/${leaf}`;
  return defineHandler<SysctlValueRecord>({ name, summary, parse: (text, file) => parseSysctlInteger(text, file ?? name) });
}

export const pidMax = kernelHandler('pid_max', 'the value after which pids wrap');
export const threadsMax = kernelHandler('threads-max', 'the most threads the system will create');
