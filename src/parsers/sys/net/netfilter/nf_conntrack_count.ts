/**
 * /proc/sys/net/netfilter/nf_conntrack_count — connection tracking entries allocated now
 * (the file exists while the nf_conntrack module is loaded).
 * Kernel: net/netfilter/nf_conntrack_standalone.c, nf_ct_sysctl_table ("nf_conntrack_count":
 * proc_dointvec over the per-netns count, read-only).
 * Sample: "12"
 */
import { sysctlIntegerHandler } from '../../../formats/sysctl-integer';

export const nfConntrackCount = sysctlIntegerHandler('sys/net/netfilter/nf_conntrack_count', 'connection tracking entries allocated');
