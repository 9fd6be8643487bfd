/**
 * /proc/sys/kernel/domainname — the NIS domain name of the reader's UTS namespace (uname's domainname).
 * Kernel: kernel/utsname_sysctl.c, uts_kern_table ("domainname": proc_do_uts_string over the reader's UTS namespace).
 * Format: formats/sysctl-text.ts.
 * Sample: "(none)"
 *
 * "(none)" when never set (the kernel's UTS_DOMAINNAME).
 */
import { sysctlTextHandler } from '../../formats/sysctl-text';

export const domainname = sysctlTextHandler('sys/kernel/domainname', "NIS domain name of the reader's UTS namespace (uname domainname)");
