/**
 * /proc/<pid>/sessionid — the audit session id (4294967295: unset).
 * Kernel: fs/proc/base.c, proc_sessionid_read(). Format: formats/single-value.ts.
 * Sample: "4294967295" (no newline)
 */
import { singleValueHandler } from '../formats/single-value';

export const sessionid = singleValueHandler('pid/sessionid', 'int', 'audit session id (4294967295 = unset)');
