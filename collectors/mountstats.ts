/**
 * mountstats: NFS client statistics per mount from /proc/self/mountstats, as
 * node_exporter's mountstats collector (off by default):
 * node_mountstats_nfs_* with labels export (the mount's device), protocol (of
 * its transport), mountaddr (the `addr=` super option of the mount at the same
 * position in /proc/self/mountinfo) and, per metric, mountpoint, operation or
 * transport (the transport's index). Only nfs and nfs4 mounts count.
 *
 * As node_exporter: a mount whose (export, protocol, mountaddr) was already
 * seen adds only its mountpoint_info series; values a kernel does not print
 * (pNFS events, per-op errors before 5.1, the udp transport's connect and
 * idle counts) are 0; milliseconds → seconds.
 *
 * /proc/self in a procfs tree may be the kernel's link to the reading
 * process's directory (the live /proc, or a copy that kept the link) or a
 * plain directory (a capture that copied it): both are read, a link through
 * its numeric target inside the same tree. Without /proc/self, or its
 * mountstats or mountinfo, the run fails as "not present" (node_exporter
 * refuses to start without /proc/self and fails the scrape without the files).
 * node_exporter: collector/mountstats_linux.go (procfs mountstats.go, mountinfo.go).
 */
import type { MountinfoRecord } from '../src/parsers/pid/mountinfo';
import type { MountstatsRecord, NfsEvents, RpcOperation, RpcTransport } from '../src/parsers/pid/mountstats';
import { defineCollector, isGone, mapping, MissingFileError, type MetricMapping, type ProcFs, type ReadRecords } from '../src/collector';

/** One row the mappings read: a mountpoint_info series, or an NFS mount's statistics. */
export type MountstatsRow =
  | { kind: 'info'; export: string; protocol: string; mountaddr: string; mountpoint: string }
  | { kind: 'stats'; export: string; protocol: string; mountaddr: string; mount: MountstatsRecord };

/** The directory /proc/self stands for, relative to the root: `self` itself, or the pid it links to. */
export function selfDirectory(procfs: ProcFs): string {
  let target: string;
  try {
    target = procfs.readLink('self');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EINVAL') return 'self'; // a directory, not a link
    if (isGone(error)) throw new MissingFileError(`${procfs.root}/self`);
    throw error;
  }
  const pid =
    target
      .split('/')
      .filter((s) => s !== '')
      .pop() ?? '';
  if (!/^\d+$/.test(pid)) throw new Error(`${procfs.root}/self links to ${JSON.stringify(target)}, not a process directory`);
  return pid;
}

export async function mountstatsRows(procfs: ProcFs, read: ReadRecords): Promise<MountstatsRow[]> {
  const dir = selfDirectory(procfs);
  const mounts = await read<MountstatsRecord>('pid/mountstats', 'required', `${dir}/mountstats`);
  const infos = await read<MountinfoRecord>('pid/mountinfo', 'required', `${dir}/mountinfo`);
  const rows: MountstatsRow[] = [];
  const devices = new Set<string>();
  const mountpoints = new Set<string>();
  mounts.forEach((m, idx) => {
    if ((m.fstype !== 'nfs' && m.fstype !== 'nfs4') || m.statvers === undefined) return;
    const exported = m.device ?? '';
    // The entries of mountstats and mountinfo come in the same order.
    const addr = infos[idx]?.super_options.addr;
    const mountaddr = typeof addr === 'string' ? addr : '';
    for (const transport of m.rpc?.transports ?? []) {
      const protocol = transport.protocol;
      const point = JSON.stringify([exported, protocol, mountaddr, m.mount_point]);
      if (!mountpoints.has(point)) {
        mountpoints.add(point);
        rows.push({ kind: 'info', export: exported, protocol, mountaddr, mountpoint: m.mount_point });
      }
      const device = JSON.stringify([exported, protocol, mountaddr]);
      if (devices.has(device)) break;
      devices.add(device);
      rows.push({ kind: 'stats', export: exported, protocol, mountaddr, mount: m });
    }
  });
  return rows;
}

type Stats = Extract<MountstatsRow, { kind: 'stats' }>;
const SOURCE = 'self/mountstats';
const isStats = (r: MountstatsRow): boolean => r.kind === 'stats';
const LABELS = { export: 'export', protocol: 'protocol', mountaddr: 'mountaddr' } as const;

function perMount(name: string, help: string, value: (r: Stats) => number | undefined): MetricMapping<Stats> {
  return mapping<Stats>({
    from: SOURCE,
    where: isStats,
    name: `node_mountstats_nfs_${name}`,
    help,
    type: 'counter',
    labels: LABELS,
    value: ({ record }) => value(record) ?? 0,
  });
}

function perTransport(name: string, help: string, type: 'counter' | 'gauge', field: keyof RpcTransport): MetricMapping<Stats> {
  return mapping<Stats>({
    from: SOURCE,
    where: isStats,
    each: (r) => Object.fromEntries((r.mount.rpc?.transports ?? []).map((t, i) => [String(i), Number(t[field] ?? 0)])),
    name: `node_mountstats_nfs_${name}`,
    help,
    type,
    labels: { ...LABELS, transport: '$key' },
  });
}

function perOperation(name: string, help: string, value: (op: RpcOperation) => number): MetricMapping<Stats> {
  return mapping<Stats>({
    from: SOURCE,
    where: isStats,
    each: (r) => Object.fromEntries((r.mount.rpc?.operations ?? []).map((op) => [op.operation, value(op)])),
    name: `node_mountstats_nfs_${name}`,
    help,
    type: 'counter',
    labels: { ...LABELS, operation: '$key' },
  });
}

const event = (name: string, help: string, field: keyof NfsEvents) =>
  perMount(name, help, (r) => r.mount.events?.[field] as number | undefined);
const bytes = (
  name: string,
  help: string,
  field: 'read' | 'write' | 'direct_read' | 'direct_write' | 'read_total' | 'write_total' | 'read_pages' | 'write_pages',
) => perMount(name, help, (r) => r.mount.bytes?.[field]);

export const mountstats = defineCollector({
  name: 'mountstats',
  description: 'NFS client statistics per mount (/proc/self/mountstats, /proc/self/mountinfo).',
  defaultEnabled: false,
  reads: { 'pid/mountstats': 'required', 'pid/mountinfo': 'required' },
  gather: async ({ procfs, read }) => ({ [SOURCE]: await mountstatsRows(procfs, read) }),
  metrics: [
    perMount('age_seconds_total', 'The age of the NFS mount in seconds.', (r) => r.mount.age),
    mapping<MountstatsRow>({
      from: SOURCE,
      where: (r) => r.kind === 'info',
      name: 'node_mountstats_nfs_mountpoint_info',
      help: 'Info metric for an NFS mountpoint.',
      type: 'gauge',
      labels: { ...LABELS, mountpoint: 'mountpoint' },
      value: () => 1,
    }),
    bytes('read_bytes_total', 'Number of bytes read using the read() syscall.', 'read'),
    bytes('write_bytes_total', 'Number of bytes written using the write() syscall.', 'write'),
    bytes('direct_read_bytes_total', 'Number of bytes read using the read() syscall in O_DIRECT mode.', 'direct_read'),
    bytes('direct_write_bytes_total', 'Number of bytes written using the write() syscall in O_DIRECT mode.', 'direct_write'),
    bytes('total_read_bytes_total', 'Number of bytes read from the NFS server, in total.', 'read_total'),
    bytes('total_write_bytes_total', 'Number of bytes written to the NFS server, in total.', 'write_total'),
    bytes('read_pages_total', "Number of pages read directly via mmap()'d files.", 'read_pages'),
    bytes('write_pages_total', "Number of pages written directly via mmap()'d files.", 'write_pages'),
    perTransport(
      'transport_bind_total',
      'Number of times the client has had to establish a connection from scratch to the NFS server.',
      'counter',
      'bind',
    ),
    perTransport(
      'transport_connect_total',
      'Number of times the client has made a TCP connection to the NFS server.',
      'counter',
      'connect',
    ),
    perTransport(
      'transport_idle_time_seconds',
      'Duration since the NFS mount last saw any RPC traffic, in seconds.',
      'gauge',
      'idle_time_seconds',
    ),
    perTransport('transport_sends_total', 'Number of RPC requests for this mount sent to the NFS server.', 'counter', 'sends'),
    perTransport('transport_receives_total', 'Number of RPC responses for this mount received from the NFS server.', 'counter', 'receives'),
    perTransport(
      'transport_bad_transaction_ids_total',
      'Number of times the NFS server sent a response with a transaction ID unknown to this client.',
      'counter',
      'bad_transaction_ids',
    ),
    perTransport('transport_backlog_queue_total', 'Total number of items added to the RPC backlog queue.', 'counter', 'cumulative_backlog'),
    perTransport(
      'transport_maximum_rpc_slots',
      'Maximum number of simultaneously active RPC requests ever used.',
      'gauge',
      'maximum_rpc_slots_used',
    ),
    perTransport(
      'transport_sending_queue_total',
      'Total number of items added to the RPC transmission sending queue.',
      'counter',
      'cumulative_sending_queue',
    ),
    perTransport(
      'transport_pending_queue_total',
      'Total number of items added to the RPC transmission pending queue.',
      'counter',
      'cumulative_pending_queue',
    ),
    perOperation('operations_requests_total', 'Number of requests performed for a given operation.', (op) => op.requests),
    perOperation(
      'operations_transmissions_total',
      'Number of times an actual RPC request has been transmitted for a given operation.',
      (op) => op.transmissions,
    ),
    perOperation(
      'operations_major_timeouts_total',
      'Number of times a request has had a major timeout for a given operation.',
      (op) => op.major_timeouts,
    ),
    perOperation(
      'operations_sent_bytes_total',
      'Number of bytes sent for a given operation, including RPC headers and payload.',
      (op) => op.bytes_sent,
    ),
    perOperation(
      'operations_received_bytes_total',
      'Number of bytes received for a given operation, including RPC headers and payload.',
      (op) => op.bytes_received,
    ),
    perOperation(
      'operations_queue_time_seconds_total',
      'Duration all requests spent queued for transmission for a given operation before they were sent, in seconds.',
      (op) => op.cumulative_queue_milliseconds / 1000,
    ),
    perOperation(
      'operations_response_time_seconds_total',
      'Duration all requests took to get a reply back after a request for a given operation was transmitted, in seconds.',
      (op) => op.cumulative_total_response_milliseconds / 1000,
    ),
    perOperation(
      'operations_request_time_seconds_total',
      'Duration all requests took from when a request was enqueued to when it was completely handled for a given operation, in seconds.',
      (op) => op.cumulative_total_request_milliseconds / 1000,
    ),
    perOperation('operations_errors_total', 'Number of errors for a given operation', (op) => op.errors ?? 0),
    event('event_inode_revalidate_total', 'Number of times cached inode attributes are re-validated from the server.', 'inode_revalidate'),
    event('event_dnode_revalidate_total', 'Number of times cached dentry nodes are re-validated from the server.', 'dnode_revalidate'),
    event('event_data_invalidate_total', 'Number of times an inode cache is cleared.', 'data_invalidate'),
    event('event_attribute_invalidate_total', 'Number of times cached inode attributes are invalidated.', 'attribute_invalidate'),
    event('event_vfs_open_total', 'Number of times cached inode attributes are invalidated.', 'vfs_open'),
    event('event_vfs_lookup_total', 'Number of times a directory lookup has occurred.', 'vfs_lookup'),
    event('event_vfs_access_total', 'Number of times permissions have been checked.', 'vfs_access'),
    event('event_vfs_update_page_total', 'Number of updates (and potential writes) to pages.', 'vfs_update_page'),
    event('event_vfs_read_page_total', "Number of pages read directly via mmap()'d files.", 'vfs_read_page'),
    event('event_vfs_read_pages_total', 'Number of times a group of pages have been read.', 'vfs_read_pages'),
    event('event_vfs_write_page_total', "Number of pages written directly via mmap()'d files.", 'vfs_write_page'),
    event('event_vfs_write_pages_total', 'Number of times a group of pages have been written.', 'vfs_write_pages'),
    event('event_vfs_getdents_total', 'Number of times directory entries have been read with getdents().', 'vfs_getdents'),
    event('event_vfs_setattr_total', 'Number of times directory entries have been read with getdents().', 'vfs_setattr'),
    event('event_vfs_flush_total', 'Number of pending writes that have been forcefully flushed to the server.', 'vfs_flush'),
    event('event_vfs_fsync_total', 'Number of times fsync() has been called on directories and files.', 'vfs_fsync'),
    event('event_vfs_lock_total', 'Number of times locking has been attempted on a file.', 'vfs_lock'),
    event('event_vfs_file_release_total', 'Number of times files have been closed and released.', 'vfs_file_release'),
    event('event_truncation_total', 'Number of times files have been truncated.', 'truncation'),
    event('event_write_extension_total', 'Number of times a file has been grown due to writes beyond its existing end.', 'write_extension'),
    event('event_silly_rename_total', 'Number of times a file was removed while still open by another process.', 'silly_rename'),
    event('event_short_read_total', 'Number of times the NFS server gave less data than expected while reading.', 'short_read'),
    event('event_short_write_total', 'Number of times the NFS server wrote less data than expected while writing.', 'short_write'),
    event(
      'event_jukebox_delay_total',
      'Number of times the NFS server indicated EJUKEBOX; retrieving data from offline storage.',
      'jukebox_delay',
    ),
    event('event_pnfs_read_total', 'Number of NFS v4.1+ pNFS reads.', 'pnfs_read'),
    event('event_pnfs_write_total', 'Number of NFS v4.1+ pNFS writes.', 'pnfs_write'),
  ],
});
