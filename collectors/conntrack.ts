/**
 * conntrack: connection tracking from /proc/sys/net/netfilter/nf_conntrack_count
 * and nf_conntrack_max and /proc/net/stat/nf_conntrack, as node_exporter's
 * conntrack collector (on by default): node_nf_conntrack_entries,
 * node_nf_conntrack_entries_limit and node_nf_conntrack_stat_* (gauges, as
 * there), the stat columns summed over the CPUs' rows.
 *
 * Without the sys files (nf_conntrack not loaded) the run fails as "no data",
 * as there. procfs picks the stat columns by position (found 3rd, invalid 5th,
 * ignore 6th, insert 9th, insert_failed 10th, drop 11th, early_drop 12th,
 * search_restart 17th); here they are picked by the header's names, which
 * give the same columns on every kernel that has them (3.2 … 6.18).
 * node_exporter: collector/conntrack_linux.go (procfs net_conntrackstat.go).
 */
import type { NetStatRecord } from '../src/parsers/formats/lnstat';
import type { SysctlValueRecord } from '../src/parsers/formats/sysctl-integer';
import { defineCollector, mapping, type CollectorInput } from '../src/collector';

const STATS: [column: string, help: string][] = [
  ['found', 'Number of searched entries which were successful.'],
  ['invalid', 'Number of packets seen which can not be tracked.'],
  ['ignore', 'Number of packets seen which are already connected to a conntrack entry.'],
  ['insert', 'Number of entries inserted into the list.'],
  ['insert_failed', 'Number of entries for which list insertion was attempted but failed.'],
  ['drop', 'Number of packets dropped due to conntrack failure.'],
  ['early_drop', 'Number of dropped conntrack entries to make room for new ones, if maximum table size was reached.'],
  ['search_restart', 'Number of conntrack table lookups which had to be restarted due to hashtable resizes.'],
];

function sumOverCpus(rows: readonly NetStatRecord[]): Record<string, number>[] {
  const sums: Record<string, number> = Object.fromEntries(STATS.map(([column]) => [column, 0]));
  for (const row of rows) for (const [column] of STATS) sums[column] += row[column] ?? 0;
  return [sums];
}

const COUNT = 'sys/net/netfilter/nf_conntrack_count';
const MAX = 'sys/net/netfilter/nf_conntrack_max';
const STAT = 'net/stat/nf_conntrack';

export const conntrack = defineCollector({
  name: 'conntrack',
  description: 'Connection tracking: entries, limit, statistics (/proc/sys/net/netfilter, /proc/net/stat/nf_conntrack).',
  defaultEnabled: true,
  reads: { [COUNT]: 'required', [MAX]: 'required', [STAT]: 'required' },
  transform: (input): CollectorInput => ({ ...input, [STAT]: input[STAT] && sumOverCpus(input[STAT] as NetStatRecord[]) }),
  metrics: [
    mapping<SysctlValueRecord>({
      from: COUNT,
      name: 'node_nf_conntrack_entries',
      help: 'Number of currently allocated flow entries for connection tracking.',
      type: 'gauge',
      value: 'value',
    }),
    mapping<SysctlValueRecord>({
      from: MAX,
      name: 'node_nf_conntrack_entries_limit',
      help: 'Maximum size of connection tracking table.',
      type: 'gauge',
      value: 'value',
    }),
    ...STATS.map(([column, help]) =>
      mapping<Record<string, number>>({ from: STAT, name: `node_nf_conntrack_stat_${column}`, help, type: 'gauge', value: column }),
    ),
  ],
});
