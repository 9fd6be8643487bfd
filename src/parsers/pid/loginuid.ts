/**
 * /proc/<pid>/loginuid — the audit login uid (4294967295: unset).
 * Kernel: fs/proc/base.c, proc_loginuid_read(). Format: formats/single-value.ts.
 * Sample: "4294967295" (no newline)
 */
import { singleValueHandler } from '../formats/single-value';

export const loginuid = singleValueHandler('pid/loginuid', 'int', 'audit login uid (4294967295 = unset)');
