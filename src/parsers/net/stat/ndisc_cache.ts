/**
 * /proc/net/stat/ndisc_cache — IPv6 neighbour discovery table statistics per CPU.
 * Kernel: net/core/neighbour.c, neigh_stat_seq_show() (nd_tbl). Format: formats/lnstat.ts.
 * Sample: "00000004 00000003 00000000 00000000   00000000 00000000 00000001   00000000         00000000         00000000"
 */
import { netStatHandler } from '../../formats/lnstat';

export const statNdiscCache = netStatHandler('net/stat/ndisc_cache', 'IPv6 neighbour discovery table statistics per CPU');
