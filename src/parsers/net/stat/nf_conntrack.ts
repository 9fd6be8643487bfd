/**
 * /proc/net/stat/nf_conntrack — connection tracking statistics per CPU.
 * Kernel: net/netfilter/nf_conntrack_standalone.c, ct_cpu_seq_show(). Format: formats/lnstat.ts.
 * Sample: "00000000  00000000 00000000 00000000 00000000 00000000 00000000 00000000 …"
 */
import { netStatHandler } from '../../formats/lnstat';

export const statNfConntrack = netStatHandler('net/stat/nf_conntrack', 'connection tracking statistics per CPU');
