/**
 * /proc/<pid>/coredump_filter — the core dump mapping filter mask, kept as the hex text written.
 * Kernel: fs/proc/base.c, proc_coredump_filter_read() ("%08lx"). Format: formats/single-value.ts.
 * Sample: "00000033"
 */
import { singleValueHandler } from '../formats/single-value';

export const coredumpFilter = singleValueHandler('pid/coredump_filter', 'hex', 'core dump mapping filter mask (hex as written)');
