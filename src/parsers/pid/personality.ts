/**
 * /proc/<pid>/personality — the execution domain flags, kept as the hex text written.
 * Kernel: fs/proc/base.c, proc_pid_personality() ("%08x"). Format: formats/single-value.ts.
 * Sample: "00000000"
 */
import { singleValueHandler } from '../formats/single-value';

export const personality = singleValueHandler('pid/personality', 'hex', 'execution domain flags (hex as written)');
