/**
 * /proc/net/snmp — SNMP MIB counters for IPv4 (Ip, Icmp, IcmpMsg, Tcp, Udp, UdpLite).
 * Kernel: net/ipv4/proc.c, snmp_seq_show().
 * Sample: "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn …" then "Tcp: 1 200 120000 -1 …"
 *
 * Each header/value pair of lines is one protocol record; `Tcp: MaxConn` is -1 and stays -1.
 */
import { defineHandler } from '../../handler';
import { Lines, pairedHeaderLines, requireContent, type ProtocolCounters } from '../helpers';

export type SnmpRecord = ProtocolCounters;

export function parseSnmp(text: string, file = 'net/snmp'): SnmpRecord[] {
  const src = new Lines(file, text);
  requireContent(src, 'its protocol counters');
  return pairedHeaderLines(src);
}

export const snmp = defineHandler<SnmpRecord>({
  name: 'net/snmp',
  summary: 'IPv4 SNMP counters per protocol (Ip, Icmp, Tcp, Udp, …)',
  parse: parseSnmp,
});
