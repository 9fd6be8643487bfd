/**
 * nfs: NFS client RPC statistics from /proc/net/rpc/nfs, as node_exporter's
 * nfs collector (on by default): packets by protocol, TCP connections, RPCs,
 * retransmissions, authentication refreshes, and node_nfs_requests_total{proto,method}
 * for every NFSv2, v3 and v4 procedure procfs names (Null included). As
 * procfs, a line the kernel does not print (proc2 on kernels without NFSv2)
 * or a value it lacks (older kernels print fewer v4 procedures) is exported
 * as 0. No file (NFS client not loaded) fails the run as "no data", as there.
 * node_exporter: collector/nfs_linux.go (procfs nfs/parse.go, parse_nfs.go).
 */
import { NFS_CLIENT_V4, NFS_V2, NFS_V3, type RpcStatsRecord } from '../src/parsers/net/rpc/nfs';
import { defineCollector, mapping, type CollectorInput } from '../src/collector';

/** The file as one record: each line's values by procfs name (absent lines are empty). */
export type RpcLines = Record<string, Record<string, number>>;

export function byLine(rows: readonly RpcStatsRecord[]): RpcLines[] {
  const lines: RpcLines = {};
  for (const row of rows) lines[row.line] = row.values;
  return [lines];
}

/** A value, 0 when the kernel does not print it (procfs's zero value). */
export const valueOf = (lines: RpcLines, line: string, name: string): number => lines[line]?.[name] ?? 0;

function procedures(lines: RpcLines, line: string, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((n) => [n, valueOf(lines, line, n)]));
}

const FILE = 'net/rpc/nfs';

function counter(name: string, help: string, line: string, field: string) {
  return mapping<RpcLines>({ from: FILE, name, help, type: 'counter', value: ({ record }) => valueOf(record, line, field) });
}

export const nfs = defineCollector({
  name: 'nfs',
  description: 'NFS client RPC statistics (/proc/net/rpc/nfs).',
  defaultEnabled: true,
  reads: { [FILE]: 'required' },
  transform: (input): CollectorInput => ({ [FILE]: input[FILE] && byLine(input[FILE] as RpcStatsRecord[]) }),
  metrics: [
    mapping<RpcLines>({
      from: FILE,
      each: (r) => ({ udp: valueOf(r, 'net', 'UDPCount'), tcp: valueOf(r, 'net', 'TCPCount') }),
      name: 'node_nfs_packets_total',
      help: 'Total NFSd network packets (sent+received) by protocol type.',
      type: 'counter',
      labels: { protocol: '$key' },
    }),
    counter('node_nfs_connections_total', 'Total number of NFSd TCP connections.', 'net', 'TCPConnect'),
    counter('node_nfs_rpcs_total', 'Total number of RPCs performed.', 'rpc', 'RPCCount'),
    counter('node_nfs_rpc_retransmissions_total', 'Number of RPC transmissions performed.', 'rpc', 'Retransmissions'),
    counter('node_nfs_rpc_authentication_refreshes_total', 'Number of RPC authentication refreshes performed.', 'rpc', 'AuthRefreshes'),
    ...(
      [
        ['2', 'proc2', NFS_V2],
        ['3', 'proc3', NFS_V3],
        ['4', 'proc4', NFS_CLIENT_V4],
      ] as const
    ).map(([proto, line, names]) =>
      mapping<RpcLines>({
        from: FILE,
        each: (r) => procedures(r, line, names),
        name: 'node_nfs_requests_total',
        help: 'Number of NFS procedures invoked.',
        type: 'counter',
        labels: { proto: () => proto, method: '$key' },
      }),
    ),
  ],
});
