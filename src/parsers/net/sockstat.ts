/**
 * /proc/net/sockstat — IPv4 socket usage per protocol.
 * Kernel: net/ipv4/proc.c, sockstat_seq_show(). Format: formats/sockstat.ts.
 * Sample: "TCP: inuse 37 orphan 0 tw 0 alloc 46 mem 465"
 */
import { defineHandler } from '../../handler';
import { parseSockstat, type SockstatRecord } from '../formats/sockstat';

/** collectors/sockstat.ts imports the record type from here. */
export type { SockstatRecord };

export const sockstat = defineHandler<SockstatRecord>({
  name: 'net/sockstat',
  summary: 'IPv4 socket usage per protocol',
  parse: parseSockstat,
});
