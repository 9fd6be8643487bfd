/**
 * /proc/net/stat/ip_conntrack — IPv4 connection tracking statistics per CPU (Linux ≤ 3.x).
 * Kernel: net/ipv4/netfilter/nf_conntrack_l3proto_ipv4_compat.c, ct_cpu_seq_show(). Format: formats/lnstat.ts.
 * Sample: "00000015  00008cab 0068109a 0006a962 000000e1 00008dba 00075f2b 0001227f …"
 */
import { netStatHandler } from '../../formats/lnstat';

export const statIpConntrack = netStatHandler('net/stat/ip_conntrack', 'IPv4 connection tracking statistics per CPU (older kernels)');
