/**
 * /proc/net/stat/synproxy — SYN proxy statistics per CPU.
 * Kernel: net/netfilter/nf_synproxy_core.c, synproxy_cpu_seq_show(). Format: formats/lnstat.ts.
 * Sample: "00000000\t00000000\t00000000\t00000000\t00000000\t00000000"
 */
import { netStatHandler } from '../../formats/lnstat';

export const statSynproxy = netStatHandler('net/stat/synproxy', 'SYN proxy statistics per CPU');
