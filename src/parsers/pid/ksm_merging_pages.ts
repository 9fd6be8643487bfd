/**
 * /proc/<pid>/ksm_merging_pages — pages of the process merged by KSM.
 * Kernel: fs/proc/base.c, proc_pid_ksm_merging_pages(). Format: formats/single-value.ts.
 * Sample: "0"
 */
import { singleValueHandler } from '../formats/single-value';

export const ksmMergingPages = singleValueHandler('pid/ksm_merging_pages', 'int', 'pages of the process merged by KSM');
