/**
 * /proc/net/ip_mr_cache — the IPv4 multicast forwarding cache.
 * Kernel: net/ipv4/ipmr.c, ipmr_mfc_seq_show(). Format: formats/mroute.ts.
 * Sample: "010101EF 0100000A 0         12      840        0  1:1    2:1"
 */
import { defineHandler } from '../../handler';
import { parseIpMrCache, type MrCacheRecord } from '../formats/mroute';

export const ipMrCache = defineHandler<MrCacheRecord>({
  name: 'net/ip_mr_cache',
  summary: 'IPv4 multicast forwarding cache (addresses decoded)',
  parse: parseIpMrCache,
});
