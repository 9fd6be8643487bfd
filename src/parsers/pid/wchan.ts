/**
 * /proc/<pid>/wchan — the kernel function the task sleeps in.
 * Kernel: fs/proc/base.c, proc_pid_wchan(). Format: formats/single-value.ts.
 * Sample: "hrtimer_nanosleep" (no newline; "0" when running or hidden)
 */
import { singleValueHandler } from '../formats/single-value';

export const wchan = singleValueHandler('pid/wchan', 'word', 'kernel function the task sleeps in');
