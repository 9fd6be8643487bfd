/**
 * /proc/sys/kernel/arch — the hardware architecture (uname's machine).
 * Kernel: kernel/utsname_sysctl.c, uts_kern_table ("arch": proc_do_uts_string over the reader's UTS namespace).
 * Format: formats/sysctl-text.ts.
 * Sample: "x86_64"
 *
 * The machine field of init's utsname, added in 2022 (6.x kernels); older kernels lack the file.
 */
import { sysctlTextHandler } from '../../formats/sysctl-text';

export const arch = sysctlTextHandler('sys/kernel/arch', 'hardware architecture (uname machine)');
