/**
 * /proc/<pid>/oom_score — the OOM killer's badness score.
 * Kernel: fs/proc/base.c, proc_oom_score(). Format: formats/single-value.ts.
 * Sample: "666"
 */
import { singleValueHandler } from '../formats/single-value';

export const oomScore = singleValueHandler('pid/oom_score', 'int', 'OOM-killer badness score');
