/**
 * tcpstat: TCP connections per state from /proc/net/tcp and /proc/net/tcp6, as
 * node_exporter's /proc-based tcpstat collector (off by default there and
 * here): node_tcp_connection_states{state} gauges, the count of sockets in each
 * state (established, syn_sent, syn_recv, fin_wait1, fin_wait2, time_wait,
 * close, close_wait, last_ack, listen, closing; "unknown" for any other code)
 * plus the tx_queue / rx_queue sums as states tx_queued_bytes / rx_queued_bytes.
 * Only states that occur have a series; tcp6 is absent when IPv6 is off.
 * (node_exporter ≥ 1.5 asks the kernel through netlink inet_diag instead of
 * reading these files; the states and names are the same.)
 * node_exporter: collector/tcpstat_linux.go.
 */
import type { SocketRecord } from '../src/parsers/formats/sockets';
import { defineCollector, mapping } from '../src/collector';

const STATES = [
  '',
  'established',
  'syn_sent',
  'syn_recv',
  'fin_wait1',
  'fin_wait2',
  'time_wait',
  'close',
  'close_wait',
  'last_ack',
  'listen',
  'closing',
];

interface StateCount {
  state: string;
  value: number;
}

export const tcpstat = defineCollector({
  name: 'tcpstat',
  description: 'TCP connections per state (/proc/net/tcp, /proc/net/tcp6).',
  defaultEnabled: false,
  reads: { 'net/tcp': 'required', 'net/tcp6': 'optional' },
  transform: (input) => {
    const counts = new Map<string, number>();
    const add = (state: string, n: number): void => void counts.set(state, (counts.get(state) ?? 0) + n);
    for (const file of ['net/tcp', 'net/tcp6']) {
      for (const s of (input[file] ?? []) as SocketRecord[]) {
        add('tx_queued_bytes', s.tx_queue);
        add('rx_queued_bytes', s.rx_queue);
        const code = Number.parseInt(s.st, 16);
        add(STATES[code] || 'unknown', 1);
      }
    }
    const states: StateCount[] = [...counts].map(([state, value]) => ({ state, value }));
    // The counts replace the socket rows under the handler name the mapping reads.
    return { 'net/tcp': states };
  },
  metrics: [
    mapping<StateCount>({
      from: 'net/tcp',
      name: 'node_tcp_connection_states',
      help: 'Number of connection states.',
      type: 'gauge',
      labels: { state: 'state' },
      value: 'value',
    }),
  ],
});
