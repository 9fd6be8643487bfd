/**
 * /proc/sys/net/netfilter/nf_conntrack_max — the size limit of the connection tracking table
 * (the file exists while the nf_conntrack module is loaded).
 * Kernel: net/netfilter/nf_conntrack_standalone.c, nf_ct_sysctl_table ("nf_conntrack_max":
 * proc_dointvec_minmax over nf_conntrack_max).
 * Sample: "262144"
 */
import { sysctlIntegerHandler } from '../../../formats/sysctl-integer';

export const nfConntrackMax = sysctlIntegerHandler('sys/net/netfilter/nf_conntrack_max', 'size limit of the connection tracking table');
