/**
 * buddyinfo: free memory blocks per NUMA node, zone and order from
 * /proc/buddyinfo, as node_exporter's buddyinfo collector (off by default):
 * node_buddyinfo_blocks{node="0",zone="Normal",size="3"} (size = the order).
 * node_exporter: collector/buddyinfo.go (procfs buddyinfo.go).
 */
import type { BuddyinfoRecord } from '../src/parsers/buddyinfo';
import { defineCollector, mapping } from '../src/collector';

export const buddyinfo = defineCollector({
  name: 'buddyinfo',
  description: 'Free memory blocks per node, zone and order (/proc/buddyinfo).',
  defaultEnabled: false,
  reads: { buddyinfo: 'required' },
  metrics: [
    mapping<BuddyinfoRecord>({
      from: 'buddyinfo',
      each: (r) => Object.fromEntries(r.free_blocks_by_order.map((count, order) => [String(order), count])),
      name: 'node_buddyinfo_blocks',
      help: 'Count of free blocks according to size.',
      type: 'gauge',
      labels: { node: 'node', zone: 'zone', size: '$key' },
    }),
  ],
});
