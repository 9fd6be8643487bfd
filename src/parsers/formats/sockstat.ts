/**
 * Format: socket usage per protocol, shared by /proc/net/sockstat and /proc/net/sockstat6.
 * Kernel: net/ipv4/proc.c, sockstat_seq_show(); net/ipv6/proc.c, sockstat6_seq_show().
 * Sample: "TCP: inuse 37 orphan 0 tw 0 alloc 46 mem 465"
 *
 * One record per line: the protocol and its `name value` pairs as numbers
 * (`mem` is in pages, as the kernel prints it).
 */
import { fields, Lines, requireContent } from '../helpers';

export interface SockstatRecord {
  protocol: string;
  values: Record<string, number>;
}

export function parseSockstat(text: string, file = 'net/sockstat'): SockstatRecord[] {
  const src = new Lines(file, text);
  requireContent(src, 'a line per protocol');
  const records: SockstatRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) src.fail(i, 'expected "PROTOCOL: name value …"');
    const pairs = fields(line.slice(colon + 1));
    if (pairs.length === 0 || pairs.length % 2 !== 0) src.fail(i, 'expected name/value pairs');
    const values: Record<string, number> = {};
    for (let p = 0; p < pairs.length; p += 2) values[pairs[p]] = src.int(pairs[p + 1], i, pairs[p]);
    records.push({ protocol: line.slice(0, colon), values });
  }
  return records;
}
