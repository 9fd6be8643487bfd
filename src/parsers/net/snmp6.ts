/**
 * /proc/net/snmp6 — the IPv6 SNMP counters of the network namespace.
 * Kernel: net/ipv6/proc.c, snmp6_seq_show(). Format: formats/snmp6.ts.
 * Sample: "Ip6InReceives                   \t1"
 */
import { defineHandler } from '../../handler';
import { parseSnmp6, type Snmp6Record } from '../formats/snmp6';

/** collectors/netstat.ts imports the record type from here. */
export type { Snmp6Record };

export const snmp6 = defineHandler<Snmp6Record>({ name: 'net/snmp6', summary: 'IPv6 SNMP counters, name → value', parse: parseSnmp6 });
