/**
 * /proc/net/netfilter/nf_log — the packet logger bound to each protocol family.
 * Kernel: net/netfilter/nf_log.c, seq_show(): `"%2lld %s ("` (family number and
 * the bound logger, `NONE` when none), the loggers registered for the family
 * separated by commas, then `")\n"`.
 * Sample: " 2 nf_log_ipv4 (nf_log_ipv4,nfnetlink_log)"
 *
 * `logger` is kept as printed (`NONE` included); `registered` lists the
 * loggers between the parentheses (empty when none).
 */
import { defineHandler } from '../../../handler';
import { Lines } from '../../helpers';

export interface NfLogRecord {
  family: number;
  logger: string;
  registered: string[];
}

export function parseNfLog(text: string, file = 'net/netfilter/nf_log'): NfLogRecord[] {
  const src = new Lines(file, text);
  const records: NfLogRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i].trim();
    if (line === '') continue;
    const open = line.indexOf('(');
    if (open < 0 || !line.endsWith(')')) src.fail(i, 'expected "family logger (registered,…)"');
    const head = line.slice(0, open).trim().split(/\s+/);
    if (head.length !== 2) src.fail(i, 'expected the family number and the logger name');
    const inner = line.slice(open + 1, -1).trim();
    records.push({
      family: src.int(head[0], i, 'family'),
      logger: head[1],
      registered: inner === '' ? [] : inner.split(','),
    });
  }
  return records;
}

export const nfLog = defineHandler<NfLogRecord>({
  name: 'net/netfilter/nf_log',
  summary: 'netfilter packet logger per protocol family',
  parse: parseNfLog,
});
