/**
 * /proc/net/ip_conntrack — the IPv4 connection tracking table of Linux ≤ 3.x (no layer-3 columns).
 * Kernel: net/ipv4/netfilter/nf_conntrack_l3proto_ipv4_compat.c, ct_seq_show(). Format: formats/conntrack.ts.
 * Sample: "tcp      6 431939 ESTABLISHED src=192.168.1.14 dst=64.26.60.229 sport=46219 dport=993 src=64.26.60.229 …"
 */
import { defineHandler } from '../../handler';
import { parseIpConntrack, type ConntrackRecord } from '../formats/conntrack';

export const ipConntrack = defineHandler<ConntrackRecord>({
  name: 'net/ip_conntrack',
  summary: 'IPv4 connection tracking table (older kernels)',
  parse: parseIpConntrack,
});
