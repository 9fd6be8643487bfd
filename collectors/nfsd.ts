/**
 * nfsd: NFS server RPC statistics from /proc/net/rpc/nfsd, as node_exporter's
 * nfsd collector (on by default): reply cache, stale file handles, bytes
 * read/written, threads, read-ahead cache, packets, connections, RPC errors
 * and node_nfsd_requests_total{proto,method} for the procedures and NFSv4
 * operations node_exporter lists. As procfs, a line or value the kernel does
 * not print (`ra` and `proc2` on newer kernels) is exported as 0. No file
 * (nfsd not loaded) fails the run as "no data", as there.
 * node_exporter: collector/nfsd_linux.go (procfs nfs/parse.go, parse_nfsd.go).
 */
import type { RpcStatsRecord } from '../src/parsers/net/rpc/nfs';
import { defineCollector, mapping, type CollectorInput } from '../src/collector';
import { NFS_V2, NFS_V3 } from '../src/parsers/net/rpc/nfs';
import { byLine, valueOf, type RpcLines } from './nfs';

const V4_OPS = [
  'Access',
  'Close',
  'Commit',
  'Create',
  'DelegPurge',
  'DelegReturn',
  'GetAttr',
  'GetFH',
  'Link',
  'Lock',
  'Lockt',
  'Locku',
  'Lookup',
  'LookupRoot',
  'Nverify',
  'Open',
  'OpenAttr',
  'OpenConfirm',
  'OpenDgrd',
  'PutFH',
  'Read',
  'ReadDir',
  'ReadLink',
  'Remove',
  'Rename',
  'Renew',
  'RestoreFH',
  'SaveFH',
  'SecInfo',
  'SetAttr',
  'Verify',
  'Write',
  'RelLockOwner',
];

const FILE = 'net/rpc/nfsd';

function single(name: string, help: string, type: 'counter' | 'gauge', line: string, field: string) {
  return mapping<RpcLines>({ from: FILE, name, help, type, value: ({ record }) => valueOf(record, line, field) });
}

export const nfsd = defineCollector({
  name: 'nfsd',
  description: 'NFS server RPC statistics (/proc/net/rpc/nfsd).',
  defaultEnabled: true,
  reads: { [FILE]: 'required' },
  transform: (input): CollectorInput => ({ [FILE]: input[FILE] && byLine(input[FILE] as RpcStatsRecord[]) }),
  metrics: [
    single(
      'node_nfsd_reply_cache_hits_total',
      'Total number of NFSd Reply Cache hits (client lost server response).',
      'counter',
      'rc',
      'Hits',
    ),
    single(
      'node_nfsd_reply_cache_misses_total',
      'Total number of NFSd Reply Cache an operation that requires caching (idempotent).',
      'counter',
      'rc',
      'Misses',
    ),
    single(
      'node_nfsd_reply_cache_nocache_total',
      'Total number of NFSd Reply Cache non-idempotent operations (rename/delete/…).',
      'counter',
      'rc',
      'NoCache',
    ),
    single('node_nfsd_file_handles_stale_total', 'Total number of NFSd stale file handles', 'counter', 'fh', 'Stale'),
    single('node_nfsd_disk_bytes_read_total', 'Total NFSd bytes read.', 'counter', 'io', 'Read'),
    single('node_nfsd_disk_bytes_written_total', 'Total NFSd bytes written.', 'counter', 'io', 'Write'),
    single('node_nfsd_server_threads', 'Total number of NFSd kernel threads that are running.', 'gauge', 'th', 'Threads'),
    single('node_nfsd_read_ahead_cache_size_blocks', 'How large the read ahead cache is in blocks.', 'gauge', 'ra', 'CacheSize'),
    single('node_nfsd_read_ahead_cache_not_found_total', 'Total number of NFSd read ahead cache not found.', 'counter', 'ra', 'NotFound'),
    mapping<RpcLines>({
      from: FILE,
      each: (r) => ({ udp: valueOf(r, 'net', 'UDPCount'), tcp: valueOf(r, 'net', 'TCPCount') }),
      name: 'node_nfsd_packets_total',
      help: 'Total NFSd network packets (sent+received) by protocol type.',
      type: 'counter',
      labels: { proto: '$key' },
    }),
    single('node_nfsd_connections_total', 'Total number of NFSd TCP connections.', 'counter', 'net', 'TCPConnect'),
    mapping<RpcLines>({
      from: FILE,
      each: (r) => ({ fmt: valueOf(r, 'rpc', 'BadFmt'), auth: valueOf(r, 'rpc', 'BadAuth'), cInt: valueOf(r, 'rpc', 'BadcInt') }),
      name: 'node_nfsd_rpc_errors_total',
      help: 'Total number of NFSd RPC errors by error type.',
      type: 'counter',
      labels: { error: '$key' },
    }),
    single('node_nfsd_server_rpcs_total', 'Total number of NFSd RPCs.', 'counter', 'rpc', 'RPCCount'),
    ...(
      [
        ['2', 'proc2', NFS_V2.filter((n) => n !== 'Null')],
        ['3', 'proc3', NFS_V3.filter((n) => n !== 'Null')],
        ['4', 'proc4ops', V4_OPS],
      ] as const
    ).map(([proto, line, names]) =>
      mapping<RpcLines>({
        from: FILE,
        each: (r) => Object.fromEntries(names.map((n) => [n, valueOf(r, line, n)])),
        name: 'node_nfsd_requests_total',
        help: 'Total number NFSd Requests by method and protocol.',
        type: 'counter',
        labels: { proto: () => proto, method: '$key' },
      }),
    ),
  ],
});
