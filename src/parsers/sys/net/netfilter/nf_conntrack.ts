/**
 * /proc/sys/net/netfilter/nf_conntrack_count and nf_conntrack_max — one number each.
 * Kernel: net/netfilter/nf_conntrack_standalone.c, nf_ct_sysctl_table
 * ("nf_conntrack_count": proc_dointvec over the per-netns count, read-only;
 * "nf_conntrack_max": proc_dointvec_minmax over nf_conntrack_max).
 * Sample: "262144"
 *
 * nf_conntrack_count: connection tracking entries allocated now;
 * nf_conntrack_max: the table's size limit. One record `{ value }`. The
 * files exist while the nf_conntrack module is loaded.
 */
import { defineHandler, type Handler } from '../../../../handler';
import { Lines, singleInteger } from '../../../helpers';

export interface SysctlValueRecord {
  value: number;
}

/** One non-negative integer on one line (a sysctl printed by proc_dointvec). */
export function parseSysctlInteger(text: string, file: string): SysctlValueRecord[] {
  return singleInteger(new Lines(file, text));
}

function conntrackHandler(leaf: string, summary: string): Handler<SysctlValueRecord> {
  const name = `sys/net/netfilter/${leaf}`;
  return defineHandler<SysctlValueRecord>({ name, summary, parse: (text, file) => parseSysctlInteger(text, file ?? name) });
}

export const nfConntrackCount = conntrackHandler('nf_conntrack_count', 'connection tracking entries allocated');
export const nfConntrackMax = conntrackHandler('nf_conntrack_max', 'size limit of the connection tracking table');
