/**
 * /proc/sched_debug — the scheduler's state dump (CONFIG_SCHED_DEBUG; before Linux 5.13,
 * which moved it to debugfs sched/debug).
 * Kernel: kernel/sched/debug.c, sched_debug_show() → print_cpu(), print_rq(). Format: formats/sched-debug.ts.
 * Sample: "cpu#0, 2600.000 MHz"
 */
import { schedDebugHandler } from './formats/sched-debug';

export const schedDebug = schedDebugHandler(
  'sched_debug',
  'scheduler state dump: clocks, per-CPU run queues, runnable tasks (Linux before 5.13)',
);
