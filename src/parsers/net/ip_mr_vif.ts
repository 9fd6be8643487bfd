/**
 * /proc/net/ip_mr_vif — the IPv4 multicast routing virtual interfaces.
 * Kernel: net/ipv4/ipmr.c, ipmr_vif_seq_show(). Format: formats/mroute.ts.
 * Sample: " 0 eth0           1200      10      3400      20 00000 0F01A8C0 00000000"
 */
import { defineHandler } from '../../handler';
import { parseIpMrVif, type MrVifRecord } from '../formats/mroute';

export const ipMrVif = defineHandler<MrVifRecord>({
  name: 'net/ip_mr_vif',
  summary: 'IPv4 multicast routing virtual interfaces',
  parse: parseIpMrVif,
});
