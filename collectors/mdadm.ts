/**
 * mdadm: Linux software RAID arrays from /proc/mdstat, as node_exporter's
 * mdadm collector (on by default), with procfs's reading of the file:
 *
 * - node_md_state{device,state}: 1 for the array's state, 0 for the others of
 *   active, inactive, recovering, resync, check. The state is the word after
 *   ":" (active/inactive) unless the line after the size line (after the
 *   bitmap line, if any) shows a recovery ("recovering"), a check
 *   ("checking", exported as state="check") or a resync ("resyncing",
 *   exported as state="resync"); a reshape or repair keeps "active".
 * - node_md_disks{device,state="active|failed|spare"}, node_md_disks_required{device}:
 *   raid0 and linear count their member devices (active = required = that
 *   count); an inactive array has 0 and 0; the others take "[n/m]" of the
 *   size line (required n, active m). failed/spare count members flagged (F)/(S).
 * - node_md_blocks{device} and node_md_blocks_synced{device}: the size in 1 KiB
 *   blocks, and during a resync/recovery/check the blocks done (0 while the
 *   resync is PENDING or DELAYED), else the size.
 *
 * No /proc/mdstat (md not loaded) fails the run as "no data", as there.
 * The md_* metrics node_exporter takes from /sys (none today) are not involved.
 * node_exporter: collector/mdadm_linux.go (procfs mdstat.go).
 */
import type { MdArray, MdstatRecord } from '../src/parsers/mdstat';
import { defineCollector, mapping, type CollectorInput, type MetricMapping } from '../src/collector';

/** One array as node_exporter sees it (procfs MDStat). */
export interface MdStatus {
  name: string;
  activityState: string;
  disksActive: number;
  disksFailed: number;
  disksSpare: number;
  disksTotal: number;
  blocksTotal: number;
  blocksSynced: number;
}

function status(a: MdArray): MdStatus {
  const size = a.blocks ?? 0;
  let active: number;
  let total: number;
  if (a.personality === 'raid0' || a.personality === 'linear') {
    active = total = a.devices.length;
  } else if (a.state === 'inactive') {
    active = total = 0;
  } else {
    if (a.raid_disks === undefined || a.working_disks === undefined)
      throw new Error(`mdstat: ${a.name}: no "[n/m] [U_]" on its status line`);
    total = a.raid_disks;
    active = a.working_disks;
  }
  let state = a.state;
  let synced = size;
  const action = a.sync?.action;
  if (action === 'recovery' || action === 'check' || action === 'resync') {
    state = action === 'recovery' ? 'recovering' : action === 'check' ? 'checking' : 'resyncing';
    synced = a.sync!.state !== undefined ? 0 : (a.sync!.done ?? 0);
  }
  return {
    name: a.name,
    activityState: state,
    disksActive: active,
    disksFailed: a.devices.filter((d) => d.flags.includes('F')).length,
    disksSpare: a.devices.filter((d) => d.flags.includes('S')).length,
    disksTotal: total,
    blocksTotal: size,
    blocksSynced: synced,
  };
}

const STATES: [label: string, activity: string][] = [
  ['active', 'active'],
  ['inactive', 'inactive'],
  ['recovering', 'recovering'],
  ['resync', 'resyncing'],
  ['check', 'checking'],
];

const device = { device: 'name' } as const;

function gauge(name: string, help: string, value: keyof MdStatus): MetricMapping<MdStatus> {
  return mapping<MdStatus>({ from: 'mdstat', name, help, type: 'gauge', labels: device, value });
}

export const mdadm = defineCollector({
  name: 'mdadm',
  description: 'Software RAID arrays: state, disks, blocks (/proc/mdstat).',
  defaultEnabled: true,
  reads: { mdstat: 'required' },
  transform: (input): CollectorInput => ({ mdstat: (input.mdstat as MdstatRecord[] | undefined)?.flatMap((r) => r.arrays.map(status)) }),
  metrics: [
    mapping<MdStatus>({
      from: 'mdstat',
      each: (s) => Object.fromEntries(STATES.map(([label, activity]) => [label, s.activityState === activity ? 1 : 0])),
      name: 'node_md_state',
      help: 'Indicates the state of md-device.',
      type: 'gauge',
      labels: { device: 'name', state: '$key' },
    }),
    mapping<MdStatus>({
      from: 'mdstat',
      each: (s) => ({ active: s.disksActive, failed: s.disksFailed, spare: s.disksSpare }),
      name: 'node_md_disks',
      help: 'Number of active/failed/spare disks of device.',
      type: 'gauge',
      labels: { device: 'name', state: '$key' },
    }),
    gauge('node_md_disks_required', 'Total number of disks of device.', 'disksTotal'),
    gauge('node_md_blocks', 'Total number of blocks on device.', 'blocksTotal'),
    gauge('node_md_blocks_synced', 'Number of blocks synced on device.', 'blocksSynced'),
  ],
});
