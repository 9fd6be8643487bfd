/**
 * /proc/net/{ip,ip6,arp}_tables_{names,matches,targets} — the x_tables registered
 * per family: table names, match extensions and target extensions.
 * Kernel: net/netfilter/x_tables.c, xt_table_seq_show() (names),
 * xt_match_seq_show() and xt_target_seq_show() (matches, targets): `"%s\n"`.
 * Sample: "filter" (names), "conntrack" (matches), "REJECT" (targets)
 *
 * One record per line. A name may repeat (one registration per revision or
 * family variant); repeats are kept, in the file's order.
 */
import { defineHandler, type Handler } from '../../handler';
import { Lines } from '../helpers';

export interface XtNameRecord {
  name: string;
}

export function parseXtNames(text: string, file = 'net/ip_tables_names'): XtNameRecord[] {
  const src = new Lines(file, text);
  const records: XtNameRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const name = src.lines[i].trim();
    if (name === '') continue;
    if (/\s/.test(name)) src.fail(i, 'expected one name per line');
    records.push({ name });
  }
  return records;
}

function xt(name: string, summary: string): Handler<XtNameRecord> {
  return defineHandler<XtNameRecord>({ name, summary, parse: (text, file) => parseXtNames(text, file) });
}

export const ipTablesNames = xt('net/ip_tables_names', 'IPv4 iptables tables in use');
export const ipTablesMatches = xt('net/ip_tables_matches', 'IPv4 iptables match extensions registered');
export const ipTablesTargets = xt('net/ip_tables_targets', 'IPv4 iptables target extensions registered');
export const ip6TablesNames = xt('net/ip6_tables_names', 'IPv6 ip6tables tables in use');
export const ip6TablesMatches = xt('net/ip6_tables_matches', 'IPv6 ip6tables match extensions registered');
export const ip6TablesTargets = xt('net/ip6_tables_targets', 'IPv6 ip6tables target extensions registered');
export const arpTablesNames = xt('net/arp_tables_names', 'arptables tables in use');
export const arpTablesMatches = xt('net/arp_tables_matches', 'arptables match extensions registered');
export const arpTablesTargets = xt('net/arp_tables_targets', 'arptables target extensions registered');
