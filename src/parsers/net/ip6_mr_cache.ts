/**
 * /proc/net/ip6_mr_cache — the IPv6 multicast forwarding cache.
 * Kernel: net/ipv6/ip6mr.c, ip6mr_mfc_seq_show(). Format: formats/mroute.ts.
 * Sample: "ff05:0000:0000:0000:0000:0000:0000:0101 2001:0db8:0000:0000:0000:0000:0000:0001 0          7      700        0  1:1"
 */
import { defineHandler } from '../../handler';
import { parseIp6MrCache, type MrCacheRecord } from '../formats/mroute';

export const ip6MrCache = defineHandler<MrCacheRecord>({
  name: 'net/ip6_mr_cache',
  summary: 'IPv6 multicast forwarding cache',
  parse: parseIp6MrCache,
});
