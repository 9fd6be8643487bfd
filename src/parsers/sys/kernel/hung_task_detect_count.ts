/**
 * /proc/sys/kernel/hung_task_detect_count — tasks found hung since boot.
 * Kernel: kernel/hung_task.c, hung_task_sysctls ("hung_task_detect_count":
 * proc_doulongvec_minmax over sysctl_hung_task_detect_count, read-only; counted in check_hung_task()).
 * Format: formats/sysctl-integer.ts.
 * Sample: "0"
 *
 * How many times the hung task detector (CONFIG_DETECT_HUNG_TASK) found a
 * task blocked longer than hung_task_timeout_secs; the file appeared in
 * kernels from late 2024 (this machine's 6.18 has it). One record `{ value }`.
 */
import { sysctlIntegerHandler } from '../../formats/sysctl-integer';

export const hungTaskDetectCount = sysctlIntegerHandler(
  'sys/kernel/hung_task_detect_count',
  'tasks the hung task detector has found blocked since boot',
);
