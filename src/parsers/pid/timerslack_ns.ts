/**
 * /proc/<pid>/timerslack_ns — the task's timer slack in nanoseconds.
 * Kernel: fs/proc/base.c, timerslack_ns_show(). Format: formats/single-value.ts.
 * Sample: "50000"
 */
import { singleValueHandler } from '../formats/single-value';

export const timerslackNs = singleValueHandler('pid/timerslack_ns', 'int', 'timer slack in ns');
