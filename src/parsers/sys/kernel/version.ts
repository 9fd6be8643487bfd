/**
 * /proc/sys/kernel/version — the kernel's build version (uname's version).
 * Kernel: kernel/utsname_sysctl.c, uts_kern_table ("version": proc_do_uts_string over the reader's UTS namespace).
 * Format: formats/sysctl-text.ts.
 * Sample: "#1 SMP PREEMPT_DYNAMIC @0"
 */
import { sysctlTextHandler } from '../../formats/sysctl-text';

export const kernelVersion = sysctlTextHandler('sys/kernel/version', 'kernel build version (uname version)');
