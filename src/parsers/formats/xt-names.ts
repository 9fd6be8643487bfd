/**
 * Format: one name per line, shared by /proc/net/{ip,ip6,arp}_tables_{names,matches,targets} — the x_tables registered
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

/** The handler of an x_tables list; `name` is its path under /proc. */
export function xtNamesHandler(name: string, summary: string): Handler<XtNameRecord> {
  return defineHandler<XtNameRecord>({ name, summary, parse: (text, file) => parseXtNames(text, file ?? name) });
}
