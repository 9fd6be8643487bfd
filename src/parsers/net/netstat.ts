/**
 * /proc/net/netstat — extended counters (TcpExt, IpExt, MPTcpExt, …).
 * Kernel: net/ipv4/proc.c, netstat_seq_show().
 * Sample: "TcpExt: SyncookiesSent SyncookiesRecv …" then "TcpExt: 0 0 …"
 *
 * Same paired-lines layout as net/snmp; new sections of newer kernels are kept.
 */
import { defineHandler } from '../../handler';
import { Lines, pairedHeaderLines, requireContent, type ProtocolCounters } from '../helpers';

export type NetstatRecord = ProtocolCounters;

export function parseNetstat(text: string, file = 'net/netstat'): NetstatRecord[] {
  const src = new Lines(file, text);
  requireContent(src, 'its protocol counters');
  return pairedHeaderLines(src);
}

export const netstat = defineHandler<NetstatRecord>({
  name: 'net/netstat',
  summary: 'extended IP/TCP counters (TcpExt, IpExt, MPTcpExt)',
  parse: parseNetstat,
});
