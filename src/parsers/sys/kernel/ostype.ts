/**
 * /proc/sys/kernel/ostype — the kernel's name (uname's sysname).
 * Kernel: kernel/utsname_sysctl.c, uts_kern_table ("ostype": proc_do_uts_string over the reader's UTS namespace).
 * Format: formats/sysctl-text.ts.
 * Sample: "Linux"
 */
import { sysctlTextHandler } from '../../formats/sysctl-text';

export const ostype = sysctlTextHandler('sys/kernel/ostype', 'operating system name (uname sysname)');
