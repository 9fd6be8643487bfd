/**
 * /proc/sys/kernel/osrelease — the kernel release (uname's release).
 * Kernel: kernel/utsname_sysctl.c, uts_kern_table ("osrelease": proc_do_uts_string over the reader's UTS namespace).
 * Format: formats/sysctl-text.ts.
 * Sample: "6.18.44-fc-v669"
 */
import { sysctlTextHandler } from '../../formats/sysctl-text';

export const osrelease = sysctlTextHandler('sys/kernel/osrelease', 'kernel release (uname release)');
