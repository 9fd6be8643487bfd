/**
 * zoneinfo: memory zone statistics per NUMA node and zone from /proc/zoneinfo,
 * as node_exporter's zoneinfo collector (off by default): node_zoneinfo_*{node,zone}
 * in pages, gauges and (_total) counters, plus node_zoneinfo_protection_<i>.
 *
 * procfs reads every `name value` line of a zone's block by name, so the
 * node-wide counters Linux 4.8+ prints under a node's first zone ("per-node
 * stats": nr_active_anon, nr_dirty, …) belong to that zone there, and so here;
 * a counter a zone's block does not print gives no series for that zone.
 * node_exporter: collector/zoneinfo_linux.go (procfs zoneinfo.go; its key
 * nr_mlock_stack matches no kernel line, so node_zoneinfo_nr_mlock_stack_pages
 * never appears there either).
 */
import type { ZoneinfoRecord } from '../src/parsers/zoneinfo';
import { defineCollector, mapping, type MetricMapping } from '../src/collector';

/** The zone's values by kernel name, as procfs sees its block (later lines win). */
function values(r: ZoneinfoRecord): Record<string, number> {
  const { free: _free, ...pages } = r.pages;
  return { ...r.per_node_stats, ...pages, ...r.stats };
}

const GAUGES: [string, string, string][] = [
  ['nr_free_pages', 'nr_free_pages', 'Total number of free pages in the zone'],
  ['min', 'min_pages', 'Zone watermark pages_min'],
  ['low', 'low_pages', 'Zone watermark pages_low'],
  ['high', 'high_pages', 'Zone watermark pages_high'],
  ['scanned', 'scanned_pages', 'Pages scanned since last reclaim'],
  ['spanned', 'spanned_pages', 'Total pages spanned by the zone, including holes'],
  ['present', 'present_pages', 'Physical pages existing within the zone'],
  ['managed', 'managed_pages', 'Present pages managed by the buddy system'],
  ['nr_active_anon', 'nr_active_anon_pages', 'Number of anonymous pages recently more used'],
  ['nr_inactive_anon', 'nr_inactive_anon_pages', 'Number of anonymous pages recently less used'],
  ['nr_isolated_anon', 'nr_isolated_anon_pages', 'Temporary isolated pages from anon lru'],
  ['nr_anon_pages', 'nr_anon_pages', 'Number of anonymous pages currently used by the system'],
  [
    'nr_anon_transparent_hugepages',
    'nr_anon_transparent_hugepages',
    'Number of anonymous transparent huge pages currently used by the system',
  ],
  ['nr_active_file', 'nr_active_file_pages', 'Number of active pages with file-backing'],
  ['nr_inactive_file', 'nr_inactive_file_pages', 'Number of inactive pages with file-backing'],
  ['nr_isolated_file', 'nr_isolated_file_pages', 'Temporary isolated pages from file lru'],
  ['nr_file_pages', 'nr_file_pages', 'Number of file pages'],
  ['nr_slab_reclaimable', 'nr_slab_reclaimable_pages', 'Number of reclaimable slab pages'],
  ['nr_slab_unreclaimable', 'nr_slab_unreclaimable_pages', 'Number of unreclaimable slab pages'],
  ['nr_mlock_stack', 'nr_mlock_stack_pages', 'mlock()ed pages found and moved off LRU'],
  ['nr_kernel_stack', 'nr_kernel_stacks', 'Number of kernel stacks'],
  ['nr_mapped', 'nr_mapped_pages', 'Number of mapped pages'],
  ['nr_dirty', 'nr_dirty_pages', 'Number of dirty pages'],
  ['nr_writeback', 'nr_writeback_pages', 'Number of writeback pages'],
  ['nr_unevictable', 'nr_unevictable_pages', 'Number of unevictable pages'],
  ['nr_shmem', 'nr_shmem_pages', 'Number of shmem pages (included tmpfs/GEM pages)'],
];

const COUNTERS: [string, string, string][] = [
  ['nr_dirtied', 'nr_dirtied_total', 'Page dirtyings since bootup'],
  ['nr_written', 'nr_written_total', 'Page writings since bootup'],
  ['numa_hit', 'numa_hit_total', 'Allocated in intended node'],
  ['numa_miss', 'numa_miss_total', 'Allocated in non intended node'],
  ['numa_foreign', 'numa_foreign_total', 'Was intended here, hit elsewhere'],
  ['numa_interleave', 'numa_interleave_total', 'Interleaver preferred this zone'],
  ['numa_local', 'numa_local_total', 'Allocation from local node'],
  ['numa_other', 'numa_other_total', 'Allocation from other node'],
];

const LABELS = { node: 'node', zone: 'zone' } as const;

function zone(key: string, suffix: string, help: string, type: 'gauge' | 'counter'): MetricMapping<ZoneinfoRecord> {
  return mapping<ZoneinfoRecord>({
    from: 'zoneinfo',
    name: `node_zoneinfo_${suffix}`,
    help,
    type,
    labels: LABELS,
    value: ({ record }) => values(record)[key],
  });
}

export const zoneinfo = defineCollector({
  name: 'zoneinfo',
  description: 'Memory zone statistics per node and zone (/proc/zoneinfo).',
  defaultEnabled: false,
  reads: { zoneinfo: 'required' },
  metrics: [
    ...GAUGES.map(([key, suffix, help]) => zone(key, suffix, help, 'gauge')),
    ...COUNTERS.map(([key, suffix, help]) => zone(key, suffix, help, 'counter')),
    mapping<ZoneinfoRecord>({
      from: 'zoneinfo',
      each: (r) => (r.protection === undefined ? undefined : Object.fromEntries(r.protection.map((v, i) => [String(i), v]))),
      name: ({ key }) => `node_zoneinfo_protection_${key}`,
      namePattern: 'node_zoneinfo_protection_<index>',
      help: ({ key }) => `Protection array ${key}. field`,
      type: 'gauge',
      labels: LABELS,
    }),
  ],
});
