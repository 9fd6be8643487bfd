/**
 * /proc/net/snmp6 and /proc/net/dev_snmp6/<iface> — IPv6 counters, `Name value` per line.
 * Kernel: net/ipv6/proc.c, snmp6_seq_show() and snmp6_dev_seq_show().
 * Sample: "Ip6InReceives                   \t1"
 *
 * dev_snmp6 files start with `ifIndex`; one handler serves every file of that folder.
 */
import { defineHandler } from '../../handler';
import { Lines, nameValueLines } from '../helpers';

export interface Snmp6Record {
  name: string;
  value: number;
}

export function parseSnmp6(text: string, file = 'net/snmp6'): Snmp6Record[] {
  return nameValueLines(new Lines(file, text));
}

export const snmp6 = defineHandler<Snmp6Record>({
  name: 'net/snmp6',
  summary: 'IPv6 SNMP counters, name → value',
  parse: parseSnmp6,
});

export const devSnmp6 = defineHandler<Snmp6Record>({
  name: 'net/dev_snmp6',
  pattern: 'net/dev_snmp6/*',
  summary: 'IPv6 counters of one interface (any file in net/dev_snmp6/)',
  parse: (text, file) => parseSnmp6(text, file),
});
