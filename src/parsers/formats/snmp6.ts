/**
 * Format: IPv6 counters, `Name value` per line, shared by /proc/net/snmp6 and /proc/net/dev_snmp6/<iface>.
 * Kernel: net/ipv6/proc.c, snmp6_seq_show() and snmp6_dev_seq_show().
 * Sample: "Ip6InReceives                   \t1"
 *
 * dev_snmp6 files start with `ifIndex`; one handler serves every file of that folder.
 */
import { Lines, nameValueLines } from '../helpers';

export interface Snmp6Record {
  name: string;
  value: number;
}

export function parseSnmp6(text: string, file = 'net/snmp6'): Snmp6Record[] {
  return nameValueLines(new Lines(file, text));
}
