/**
 * /proc/net/dev_snmp6/<iface> — the IPv6 counters of one interface, starting with `ifIndex`.
 * Kernel: net/ipv6/proc.c, snmp6_dev_seq_show(). Format: formats/snmp6.ts.
 * Sample: "ifIndex                         \t2"
 *
 * One handler serves every file of the folder (pattern `net/dev_snmp6/*`).
 */
import { defineHandler } from '../../handler';
import { parseSnmp6, type Snmp6Record } from '../formats/snmp6';

export const devSnmp6 = defineHandler<Snmp6Record>({
  name: 'net/dev_snmp6',
  pattern: 'net/dev_snmp6/*',
  summary: 'IPv6 counters of one interface (any file in net/dev_snmp6/)',
  parse: (text, file) => parseSnmp6(text, file),
});
