/**
 * /proc/<pid>/cpuset — the cpuset (cgroup path) of the process.
 * Kernel: kernel/cgroup/cpuset.c, proc_cpuset_show(). Format: formats/single-value.ts.
 * Sample: "/"
 */
import { singleValueHandler } from '../formats/single-value';

export const cpuset = singleValueHandler('pid/cpuset', 'text', 'cpuset (cgroup path) of the process');
