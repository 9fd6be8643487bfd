/**
 * arp: ARP entries per device from /proc/net/arp, as node_exporter's arp
 * collector (on by default) with --no-collector.arp.netlink: node_arp_entries{device},
 * every row of the table counted (procfs GatherARPEntries), with its
 * device-include / device-exclude flags.
 *
 * Left out: node_exporter's default is to ask the kernel over rtnetlink
 * (--collector.arp.netlink, on by default there), which also gives
 * node_arp_states{device,state}; this exporter reads /proc only, so it always
 * behaves as with the flag off (the same node_arp_entries, no node_arp_states).
 * node_exporter: collector/arp_linux.go (procfs arp.go).
 */
import type { ArpRecord } from '../src/parsers/net/arp';
import { defineCollector, mapping, type CollectorInput } from '../src/collector';

export interface ArpDeviceCount {
  device: string;
  entries: number;
}

function countByDevice(rows: readonly ArpRecord[]): ArpDeviceCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.device, (counts.get(row.device) ?? 0) + 1);
  return [...counts].map(([device, entries]) => ({ device, entries }));
}

export const arp = defineCollector({
  name: 'arp',
  description: 'ARP entries per device (/proc/net/arp).',
  defaultEnabled: true,
  reads: { 'net/arp': 'required' },
  options: {
    deviceInclude: { type: 'regex', default: '', description: 'Regexp of arp devices to include (mutually exclusive to device-exclude).' },
    deviceExclude: { type: 'regex', default: '', description: 'Regexp of arp devices to exclude (mutually exclusive to device-include).' },
  },
  filters: [{ subject: 'device', include: 'deviceInclude', exclude: 'deviceExclude' }],
  transform: (input): CollectorInput => ({ 'net/arp': input['net/arp'] && countByDevice(input['net/arp'] as ArpRecord[]) }),
  metrics: [
    mapping<ArpDeviceCount>({
      from: 'net/arp',
      name: 'node_arp_entries',
      help: 'ARP entries by device',
      type: 'gauge',
      labels: { device: 'device' },
      value: 'entries',
    }),
  ],
});
