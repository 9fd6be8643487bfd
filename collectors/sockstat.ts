/**
 * sockstat: socket usage from /proc/net/sockstat and /proc/net/sockstat6 as
 * node_exporter's gauges: node_sockstat_sockets_used, one
 * node_sockstat_<PROTOCOL>_<field> per field the kernel prints (inuse, orphan,
 * tw, alloc, mem, memory), and node_sockstat_<PROTOCOL>_mem_bytes = mem × page size.
 * sockstat6 is absent when IPv6 is off: that is not a failure.
 * node_exporter: collector/sockstat_linux.go (procfs net_sockstat.go).
 */
import type { SockstatRecord } from '../src/parsers/net/sockstat';
import { defineCollector, mapping } from '../src/collector';

const FIELDS = ['inuse', 'orphan', 'tw', 'alloc', 'mem', 'memory'] as const;
const isProtocol = (r: SockstatRecord): boolean => r.protocol !== 'sockets';

export const sockstat = defineCollector({
  name: 'sockstat',
  description: 'Socket usage (/proc/net/sockstat, /proc/net/sockstat6).',
  defaultEnabled: true,
  reads: { 'net/sockstat': 'required', 'net/sockstat6': 'optional' },
  metrics: [
    mapping<SockstatRecord>({
      from: 'net/sockstat',
      where: (r) => r.protocol === 'sockets',
      name: 'node_sockstat_sockets_used',
      help: 'Number of IPv4 sockets in use.',
      type: 'gauge',
      value: 'values.used',
    }),
    mapping<SockstatRecord>({
      from: ['net/sockstat', 'net/sockstat6'],
      where: isProtocol,
      each: 'values',
      only: FIELDS,
      name: ({ record, key }) => `node_sockstat_${record.protocol}_${key}`,
      namePattern: `node_sockstat_<PROTOCOL>_{${FIELDS.join(',')}}`,
      help: ({ record, key }) => `Number of ${record.protocol} sockets in state ${key}.`,
      type: 'gauge',
    }),
    mapping<SockstatRecord>({
      from: ['net/sockstat', 'net/sockstat6'],
      where: isProtocol,
      name: ({ record }) => `node_sockstat_${record.protocol}_mem_bytes`,
      namePattern: 'node_sockstat_<PROTOCOL>_mem_bytes',
      help: ({ record }) => `Number of ${record.protocol} sockets in state mem_bytes.`,
      type: 'gauge',
      value: ({ record, env }) => (record.values.mem === undefined ? undefined : record.values.mem * env.pageSize),
    }),
  ],
});
