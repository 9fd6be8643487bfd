/**
 * /proc/<pid>/oom_score_adj — the OOM score adjustment (-1000…1000).
 * Kernel: fs/proc/base.c, oom_score_adj_read(). Format: formats/single-value.ts.
 * Sample: "0"
 */
import { singleValueHandler } from '../formats/single-value';

export const oomScoreAdj = singleValueHandler('pid/oom_score_adj', 'int', 'OOM score adjustment (-1000…1000)');
