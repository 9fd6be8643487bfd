/**
 * /proc/net/stat/rt_cache — IPv4 routing cache statistics per CPU.
 * Kernel: net/ipv4/route.c, rt_cpu_seq_show(). Format: formats/lnstat.ts.
 * Sample: "00000005 00000000 00000000    00000000   00000000    00000000 00000000       00000000 …"
 */
import { netStatHandler } from '../../formats/lnstat';

export const statRtCache = netStatHandler('net/stat/rt_cache', 'IPv4 routing cache statistics per CPU');
