/**
 * /proc/net/netfilter/nf_queue — the queue handler bound to each protocol family
 * (older kernels; gone from Linux 6.x).
 * Kernel: net/netfilter/nf_queue.c, seq_show(): `"%2lld NONE\n"` or `"%2lld %s\n"`.
 * Sample: " 2 nfnetlink_queue"
 *
 * `handler` is kept as printed (`NONE` included).
 */
import { defineHandler } from '../../../handler';
import { fields, Lines } from '../../helpers';

export interface NfQueueRecord {
  family: number;
  handler: string;
}

export function parseNfQueue(text: string, file = 'net/netfilter/nf_queue'): NfQueueRecord[] {
  const src = new Lines(file, text);
  const records: NfQueueRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== 2) src.fail(i, `expected "family handler", found ${f.length} fields`);
    records.push({ family: src.int(f[0], i, 'family'), handler: f[1] });
  }
  return records;
}

export const nfQueue = defineHandler<NfQueueRecord>({
  name: 'net/netfilter/nf_queue',
  summary: 'netfilter queue handler per protocol family (older kernels)',
  parse: parseNfQueue,
});
