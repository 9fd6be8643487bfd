/**
 * /proc/net/ip6_mr_vif — the IPv6 multicast routing interfaces.
 * Kernel: net/ipv6/ip6mr.c, ip6mr_vif_seq_show(). Format: formats/mroute.ts.
 * Sample: " 0 eth0           5120      40      2048      16 00000"
 */
import { defineHandler } from '../../handler';
import { parseIp6MrVif, type MrVifRecord } from '../formats/mroute';

export const ip6MrVif = defineHandler<MrVifRecord>({
  name: 'net/ip6_mr_vif',
  summary: 'IPv6 multicast routing interfaces',
  parse: parseIp6MrVif,
});
