/**
 * /proc/sys/kernel/threads-max — the most threads fork() will create system-wide.
 * Kernel: kernel/fork.c, kern_fork_table ("threads-max": sysctl_max_threads, printed by proc_dointvec).
 * Sample: "192729"
 */
import { sysctlIntegerHandler } from '../../formats/sysctl-integer';

export const threadsMax = sysctlIntegerHandler('sys/kernel/threads-max', 'the most threads the system will create');
