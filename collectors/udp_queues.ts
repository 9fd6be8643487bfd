/**
 * udp_queues: bytes queued in UDP sockets from /proc/net/udp and
 * /proc/net/udp6, as node_exporter's udp_queues collector (on by default):
 * node_udp_queues{queue="tx|rx",ip="v4|v6"}, the sums of the tx_queue and
 * rx_queue columns (procfs NetUDPSummary). Either file may be absent (IPv4
 * or IPv6 off: its series are left out); without both the run fails as "no
 * data", as there.
 * node_exporter: collector/udp_queues_linux.go (procfs net_ip_socket.go).
 */
import type { SocketRecord } from '../src/parsers/formats/sockets';
import { defineCollector, mapping, MissingFileError, type CollectorInput } from '../src/collector';

interface QueueSums {
  tx: number;
  rx: number;
}

function sums(rows: readonly object[] | undefined): QueueSums[] | undefined {
  if (rows === undefined) return undefined;
  let tx = 0;
  let rx = 0;
  for (const r of rows as readonly SocketRecord[]) {
    tx += r.tx_queue;
    rx += r.rx_queue;
  }
  return [{ tx, rx }];
}

export const udpQueues = defineCollector({
  name: 'udp_queues',
  description: 'Bytes queued in UDP sockets (/proc/net/udp, /proc/net/udp6).',
  defaultEnabled: true,
  reads: { 'net/udp': 'optional', 'net/udp6': 'optional' },
  transform: (input): CollectorInput => {
    if (input['net/udp'] === undefined && input['net/udp6'] === undefined) throw new MissingFileError('net/udp and net/udp6');
    return { 'net/udp': sums(input['net/udp']), 'net/udp6': sums(input['net/udp6']) };
  },
  metrics: [
    mapping<QueueSums>({
      from: ['net/udp', 'net/udp6'],
      each: (s) => ({ tx: s.tx, rx: s.rx }),
      name: 'node_udp_queues',
      help: 'Number of allocated memory in the kernel for UDP datagrams in bytes.',
      type: 'gauge',
      labels: { queue: '$key', ip: ({ handler }) => (handler === 'net/udp' ? 'v4' : 'v6') },
    }),
  ],
});
