/**
 * drbd: DRBD 8.x devices from /proc/drbd, as node_exporter's drbd collector
 * (off by default), every series labelled by device (`drbd<minor>`):
 *
 * - the counters of the device's second line: node_drbd_network_sent_bytes_total
 *   (ns), network_received_bytes_total (nr), disk_written_bytes_total (dw),
 *   disk_read_bytes_total (dr), activitylog_writes_total (al),
 *   bitmap_writes_total (bm), and the gauges local_pending (lo),
 *   remote_pending (pe), remote_unacknowledged (ua), application_pending (ap),
 *   epochs (ep), out_of_sync_bytes (oos). ns, dw, dr and oos are KiB: × 1024;
 *   nr is KiB too, but node_exporter exports it unscaled, and so does this
 *   (name for name, value for value);
 * - node_drbd_node_role_is_primary and node_drbd_disk_state_is_up_to_date,
 *   with node="local" and node="remote": 1 when ro is Primary, ds UpToDate;
 * - node_drbd_connected: 1 when cs is Connected (an unconfigured minor has
 *   only this series, 0).
 *
 * No /proc/drbd (module not loaded) fails the run, as node_exporter's ErrNoData.
 * node_exporter: collector/drbd_linux.go.
 */
import type { DrbdDevice, DrbdRecord } from '../src/parsers/drbd';
import { defineCollector, mapping, type CollectorInput, type MetricMapping } from '../src/collector';

const NUMERICAL: [key: string, name: string, help: string, type: 'counter' | 'gauge', scale: number][] = [
  ['ns', 'network_sent_bytes_total', 'Total number of bytes sent via the network.', 'counter', 1024],
  ['nr', 'network_received_bytes_total', 'Total number of bytes received via the network.', 'counter', 1],
  ['dw', 'disk_written_bytes_total', 'Net data written on local hard disk; in bytes.', 'counter', 1024],
  ['dr', 'disk_read_bytes_total', 'Net data read from local hard disk; in bytes.', 'counter', 1024],
  ['al', 'activitylog_writes_total', 'Number of updates of the activity log area of the meta data.', 'counter', 1],
  ['bm', 'bitmap_writes_total', 'Number of updates of the bitmap area of the meta data.', 'counter', 1],
  ['lo', 'local_pending', 'Number of open requests to the local I/O sub-system.', 'gauge', 1],
  ['pe', 'remote_pending', 'Number of requests sent to the peer, but that have not yet been answered by the latter.', 'gauge', 1],
  [
    'ua',
    'remote_unacknowledged',
    'Number of requests received by the peer via the network connection, but that have not yet been answered.',
    'gauge',
    1,
  ],
  ['ap', 'application_pending', 'Number of block I/O requests forwarded to DRBD, but not yet answered by DRBD.', 'gauge', 1],
  ['ep', 'epochs', 'Number of Epochs currently on the fly.', 'gauge', 1],
  ['oos', 'out_of_sync_bytes', 'Amount of data known to be out of sync; in bytes.', 'gauge', 1024],
];

const DEVICES = 'drbd';

function numerical([key, name, help, type, scale]: (typeof NUMERICAL)[number]): MetricMapping<DrbdDevice> {
  const value = `counters.${key}`;
  return mapping<DrbdDevice>({ from: DEVICES, name: `node_drbd_${name}`, help, type, labels: { device: 'device' }, value, scale });
}

/** 1 for the local and the remote side whose state is `ok`; no series without the pair (an unconfigured minor). */
function pair(name: string, help: string, local: keyof DrbdDevice, remote: keyof DrbdDevice, ok: string): MetricMapping<DrbdDevice> {
  return mapping<DrbdDevice>({
    from: DEVICES,
    each: (d) => (d[local] === undefined ? undefined : { local: d[local] === ok ? 1 : 0, remote: d[remote] === ok ? 1 : 0 }),
    name: `node_drbd_${name}`,
    help,
    type: 'gauge',
    labels: { device: 'device', node: '$key' },
  });
}

export const drbd = defineCollector({
  name: 'drbd',
  description: 'DRBD devices: traffic, pending requests, roles, disk and connection states (/proc/drbd).',
  defaultEnabled: false,
  reads: { drbd: 'required' },
  transform: (input): CollectorInput => ({ [DEVICES]: (input.drbd as DrbdRecord[] | undefined)?.flatMap((r) => r.devices) }),
  metrics: [
    ...NUMERICAL.map(numerical),
    pair('node_role_is_primary', 'Whether the role of the node is in the primary state.', 'role_local', 'role_peer', 'Primary'),
    pair('disk_state_is_up_to_date', 'Whether the disk of the node is up to date.', 'disk_local', 'disk_peer', 'UpToDate'),
    mapping<DrbdDevice>({
      from: DEVICES,
      name: 'node_drbd_connected',
      help: 'Whether DRBD is connected to the peer.',
      type: 'gauge',
      labels: { device: 'device' },
      value: ({ record }) => (record.connection_state === 'Connected' ? 1 : 0),
    }),
  ],
});
