/**
 * /proc/<pid>/oom_adj — the legacy OOM adjustment (-17…15).
 * Kernel: fs/proc/base.c, oom_adj_read(). Format: formats/single-value.ts.
 * Sample: "-17"
 */
import { singleValueHandler } from '../formats/single-value';

export const oomAdj = singleValueHandler('pid/oom_adj', 'int', 'legacy OOM adjustment (-17…15)');
