/**
 * /proc/sys/kernel/pid_max — the value after which pids wrap (one more than the largest pid).
 * Kernel: kernel/pid.c, pid_table ("pid_max": proc_dointvec_minmax over pid_max).
 * Sample: "4194304"
 */
import { sysctlIntegerHandler } from '../../formats/sysctl-integer';

export const pidMax = sysctlIntegerHandler('sys/kernel/pid_max', 'the value after which pids wrap');
