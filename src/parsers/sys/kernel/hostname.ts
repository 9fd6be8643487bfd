/**
 * /proc/sys/kernel/hostname — the host name of the reader's UTS namespace (uname's nodename).
 * Kernel: kernel/utsname_sysctl.c, uts_kern_table ("hostname": proc_do_uts_string over the reader's UTS namespace).
 * Format: formats/sysctl-text.ts.
 * Sample: "vm"
 */
import { sysctlTextHandler } from '../../formats/sysctl-text';

export const hostname = sysctlTextHandler('sys/kernel/hostname', "host name of the reader's UTS namespace (uname nodename)");
