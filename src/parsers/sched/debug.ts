/**
 * /sys/kernel/debug/sched/debug — debugfs's copy (since Linux 5.13) of /proc/sched_debug: the
 * scheduler's state dump, the same text. The handler is named sched/debug.
 * Kernel: kernel/sched/debug.c, sched_debug_show() → print_cpu(), print_rq(). Format: formats/sched-debug.ts.
 * Sample: "  .nr_switches                   : 1611757"
 */
import { schedDebugHandler } from '../formats/sched-debug';

export const debugfsSchedDebug = schedDebugHandler(
  'sched/debug',
  'scheduler state dump as debugfs has it since Linux 5.13 (/sys/kernel/debug/sched/debug)',
);
