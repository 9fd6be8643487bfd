/**
 * /proc/net/netfilter/nfnetlink_queue — NFQUEUE instances (queues bound by a process).
 * Kernel: net/netfilter/nfnetlink_queue.c, seq_show():
 * `"%5u %6u %5u %1u %5u %5u %5u %8u %2d\n"` — queue_num, peer_portid,
 * queue_total, copy_mode, copy_range, queue_dropped, queue_user_dropped,
 * id_sequence, and a constant 1 (formerly the use count) (no header line).
 * Sample: "    0   4242     0 2 65531     0     0       17  1"
 *
 * Empty on the captured machines: fixtures/synthetic/proc/net/netfilter/nfnetlink_queue
 * is written by hand following that seq_printf. Names are the struct
 * nfqnl_instance members the kernel prints.
 */
import { defineHandler } from '../../../handler';
import { Lines, whitespaceTable, type ColumnSpec } from '../../helpers';

export interface NfnetlinkQueueRecord {
  queue_num: number;
  peer_portid: number;
  queue_total: number;
  copy_mode: number;
  copy_range: number;
  queue_dropped: number;
  queue_user_dropped: number;
  id_sequence: number;
  use: number;
}

const COLUMNS: readonly ColumnSpec[] = [
  ['queue_num', 'int'],
  ['peer_portid', 'int'],
  ['queue_total', 'int'],
  ['copy_mode', 'int'],
  ['copy_range', 'int'],
  ['queue_dropped', 'int'],
  ['queue_user_dropped', 'int'],
  ['id_sequence', 'int'],
  ['use', 'int'],
];

export function parseNfnetlinkQueue(text: string, file = 'net/netfilter/nfnetlink_queue'): NfnetlinkQueueRecord[] {
  return whitespaceTable(new Lines(file, text), COLUMNS, { skipBlank: true }) as unknown as NfnetlinkQueueRecord[];
}

export const nfnetlinkQueue = defineHandler<NfnetlinkQueueRecord>({
  name: 'net/netfilter/nfnetlink_queue',
  summary: 'NFQUEUE instances: queue number, listener port id, queued and dropped packets',
  parse: parseNfnetlinkQueue,
});
