/**
 * /proc/net/sockstat6 — IPv6 socket usage per protocol.
 * Kernel: net/ipv6/proc.c, sockstat6_seq_show(). Format: formats/sockstat.ts.
 * Sample: "TCP6: inuse 8"
 */
import { defineHandler } from '../../handler';
import { parseSockstat, type SockstatRecord } from '../formats/sockstat';

export const sockstat6 = defineHandler<SockstatRecord>({
  name: 'net/sockstat6',
  summary: 'IPv6 socket usage per protocol',
  parse: (text, file) => parseSockstat(text, file),
});
