/**
 * /proc/net/stat/arp_cache — ARP (IPv4 neighbour) table statistics per CPU.
 * Kernel: net/core/neighbour.c, neigh_stat_seq_show() (arp_tbl). Format: formats/lnstat.ts.
 * Sample: "00000002 00000002 00000000 00000000   00000004 00000000 00000000   00000000         00000000         0000000e"
 */
import { netStatHandler } from '../../formats/lnstat';

export const statArpCache = netStatHandler('net/stat/arp_cache', 'ARP neighbour table statistics per CPU');
