/**
 * /proc/<pid>/mountstats — one entry per mount; NFS mounts add nested statistics.
 * Kernel: fs/proc_namespace.c, show_vfsstat(); NFS sections from fs/nfs/super.c,
 * nfs_show_stats(), and net/sunrpc/stats.c, rpc_clnt_show_stats() (xprt lines
 * from net/sunrpc/xprtsock.c, xs_tcp_print_stats() and friends).
 * Sample: "device 192.168.1.13:/bulk/ mounted on /aqui/bulk with fstype nfs4 statvers=1.0"
 *
 * Field names follow prometheus/procfs mountstats.go (what node_exporter's
 * mountstats collector reads), in snake_case: events (`inode_revalidate` …
 * `pnfs_write`), bytes (`read` … `write_pages`), the transport
 * (`port`, `bind`, `connect`, … `cumulative_pending_queue`) and per-op
 * statistics (`requests` … `cumulative_total_request_milliseconds`,
 * `errors`). Sections are kept as the kernel writes them: `opts` as mount
 * options (text values), `caps`/`nfsv4`/`sec`/`impl_id` as `key=value`
 * objects (decimal values as numbers, hex masks as text, bare flags `true`).
 * Values newer kernels add past the known ones are kept in `extra`; sections
 * this parser does not know are kept as text under `other_sections`.
 * `age` is in seconds, as printed. Linux 3.2 prints statvers=1.0 (10 tcp
 * transport values, 8 per-op values); the synthetic fixture
 * fixtures/synthetic/proc/self/mountstats follows nfs_show_stats() of Linux
 * 6.x (statvers=1.1, 13 tcp values, 9 per-op values with errors).
 */
import { defineHandler } from '../../handler';
import { fields, integerOf, Lines } from '../helpers';
import { decodeOctalEscapes, parseMountOptions, type MountOptions } from '../formats/mounts';

export type SectionValues = Record<string, string | number | true>;

export interface NfsEvents {
  inode_revalidate: number;
  dnode_revalidate: number;
  data_invalidate: number;
  attribute_invalidate: number;
  vfs_open: number;
  vfs_lookup: number;
  vfs_access: number;
  vfs_update_page: number;
  vfs_read_page: number;
  vfs_read_pages: number;
  vfs_write_page: number;
  vfs_write_pages: number;
  vfs_getdents: number;
  vfs_setattr: number;
  vfs_flush: number;
  vfs_fsync: number;
  vfs_lock: number;
  vfs_file_release: number;
  congestion_wait: number;
  truncation: number;
  write_extension: number;
  silly_rename: number;
  short_read: number;
  short_write: number;
  jukebox_delay: number;
  pnfs_read?: number;
  pnfs_write?: number;
  extra?: number[];
}

export interface NfsBytes {
  read: number;
  write: number;
  direct_read: number;
  direct_write: number;
  read_total: number;
  write_total: number;
  read_pages: number;
  write_pages: number;
  extra?: number[];
}

export interface RpcTransport {
  protocol: string;
  port?: number;
  bind?: number;
  connect?: number;
  connect_idle_time?: number;
  idle_time_seconds?: number;
  sends?: number;
  receives?: number;
  bad_transaction_ids?: number;
  cumulative_active_requests?: number;
  cumulative_backlog?: number;
  maximum_rpc_slots_used?: number;
  cumulative_sending_queue?: number;
  cumulative_pending_queue?: number;
  /** Values of a transport whose layout is not known here (rdma), in order. */
  values?: number[];
  extra?: number[];
}

export interface RpcOperation {
  operation: string;
  requests: number;
  transmissions: number;
  major_timeouts: number;
  bytes_sent: number;
  bytes_received: number;
  cumulative_queue_milliseconds: number;
  cumulative_total_response_milliseconds: number;
  cumulative_total_request_milliseconds: number;
  /** Operations that completed with an error status (Linux 5.1+). */
  errors?: number;
  extra?: number[];
}

export interface RpcStats {
  iostats_version: string;
  program: number;
  version: number;
  program_name: string;
  transports: RpcTransport[];
  operations: RpcOperation[];
}

export interface MountstatsRecord {
  /** Absent when the kernel prints "no device". */
  device?: string;
  mount_point: string;
  fstype: string;
  statvers?: string;
  opts?: MountOptions;
  age?: number;
  impl_id?: SectionValues;
  caps?: SectionValues;
  nfsv4?: SectionValues;
  sec?: SectionValues;
  events?: NfsEvents;
  bytes?: NfsBytes;
  /** FS-Cache counters (CONFIG_NFS_FSCACHE, mounted with fsc), in order. */
  fsc?: number[];
  rpc?: RpcStats;
  other_sections?: Record<string, string>;
}

const EVENT_NAMES = [
  'inode_revalidate',
  'dnode_revalidate',
  'data_invalidate',
  'attribute_invalidate',
  'vfs_open',
  'vfs_lookup',
  'vfs_access',
  'vfs_update_page',
  'vfs_read_page',
  'vfs_read_pages',
  'vfs_write_page',
  'vfs_write_pages',
  'vfs_getdents',
  'vfs_setattr',
  'vfs_flush',
  'vfs_fsync',
  'vfs_lock',
  'vfs_file_release',
  'congestion_wait',
  'truncation',
  'write_extension',
  'silly_rename',
  'short_read',
  'short_write',
  'jukebox_delay',
  'pnfs_read',
  'pnfs_write',
] as const;
const REQUIRED_EVENTS = 25;

const BYTES_NAMES = ['read', 'write', 'direct_read', 'direct_write', 'read_total', 'write_total', 'read_pages', 'write_pages'] as const;

const TCP_COLUMNS = [
  'port',
  'bind',
  'connect',
  'connect_idle_time',
  'idle_time_seconds',
  'sends',
  'receives',
  'bad_transaction_ids',
  'cumulative_active_requests',
  'cumulative_backlog',
  'maximum_rpc_slots_used',
  'cumulative_sending_queue',
  'cumulative_pending_queue',
] as const;
const UDP_COLUMNS = [
  'port',
  'bind',
  'sends',
  'receives',
  'bad_transaction_ids',
  'cumulative_active_requests',
  'cumulative_backlog',
  'maximum_rpc_slots_used',
  'cumulative_sending_queue',
  'cumulative_pending_queue',
] as const;
/** xs_local_print_stats(): the tcp layout without a port. */
const LOCAL_COLUMNS = TCP_COLUMNS.slice(1);
/** Columns every kernel prints per protocol (statvers 1.0); the last three came with 1.1. */
const TRANSPORT_LAYOUTS: Record<string, { columns: readonly string[]; required: number }> = {
  tcp: { columns: TCP_COLUMNS, required: 10 },
  udp: { columns: UDP_COLUMNS, required: 7 },
  local: { columns: LOCAL_COLUMNS, required: 9 },
};

const OPERATION_NAMES = [
  'requests',
  'transmissions',
  'major_timeouts',
  'bytes_sent',
  'bytes_received',
  'cumulative_queue_milliseconds',
  'cumulative_total_response_milliseconds',
  'cumulative_total_request_milliseconds',
  'errors',
] as const;
const REQUIRED_OPERATION_VALUES = 8;

const RPC_HEADER = 'RPC iostats version:';

/** Numbers of a section, named in order; fewer than `required` is an error, more go to `extra`. */
function named(
  src: Lines,
  i: number,
  tokens: string[],
  names: readonly string[],
  required: number,
  what: string,
): Record<string, number | number[]> {
  if (tokens.length < required) src.fail(i, `expected at least ${required} ${what} values, found ${tokens.length}`);
  const out: Record<string, number | number[]> = {};
  const n = Math.min(tokens.length, names.length);
  for (let k = 0; k < n; k++) out[names[k]] = src.int(tokens[k], i, names[k]);
  if (tokens.length > names.length) out.extra = tokens.slice(names.length).map((t) => src.int(t, i, `${what} value`));
  return out;
}

/** `caps=0x7fff,wtmult=512,sessions,pnfs=not configured,date='0,0'`: commas inside quotes do not split. */
function sectionValues(src: Lines, i: number, text: string): SectionValues {
  const out: SectionValues = {};
  let start = 0;
  let quoted = false;
  const items: string[] = [];
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === "'") quoted = !quoted;
    else if (c === ',' && !quoted) {
      items.push(text.slice(start, k));
      start = k + 1;
    }
  }
  if (quoted) src.fail(i, 'unterminated quote');
  items.push(text.slice(start));
  for (const item of items) {
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq <= 0) {
      out[item] = true;
      continue;
    }
    const value = item.slice(eq + 1);
    if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) out[item.slice(0, eq)] = value.slice(1, -1);
    else out[item.slice(0, eq)] = integerOf(value) ?? value;
  }
  return out;
}

function parseDeviceLine(src: Lines, i: number): MountstatsRecord {
  // "device X mounted on …" or, without a device name, "no device mounted on …": same positions.
  const f = src.lines[i].split(' ');
  const noDevice = f[0] === 'no' && f[1] === 'device';
  if ((f[0] !== 'device' && !noDevice) || f[2] !== 'mounted' || f[3] !== 'on' || f[5] !== 'with' || f[6] !== 'fstype') {
    src.fail(i, 'expected "device X mounted on Y with fstype Z"');
  }
  const record = {} as MountstatsRecord;
  if (!noDevice) record.device = decodeOctalEscapes(f[1]);
  record.mount_point = decodeOctalEscapes(src.str(f[4], i, 'mount point'));
  record.fstype = decodeOctalEscapes(src.str(f[7], i, 'fstype'));
  for (let k = 8; k < f.length; k++) {
    if (f[k] === '') continue;
    if (!f[k].startsWith('statvers=')) src.fail(i, `unexpected ${JSON.stringify(f[k])} after the fstype`);
    record.statvers = f[k].slice('statvers='.length);
  }
  return record;
}

function parseRpcHeader(src: Lines, i: number, text: string): RpcStats {
  // "RPC iostats version: 1.0  p/v: 100003/4 (nfs)"
  const f = fields(text.slice(RPC_HEADER.length));
  if (f.length !== 4 || f[1] !== 'p/v:') src.fail(i, 'expected "RPC iostats version: V  p/v: PROG/VERS (name)"');
  const slash = f[2].indexOf('/');
  if (slash < 0) src.fail(i, `expected program/version (${JSON.stringify(f[2])})`);
  const name = f[3];
  if (!name.startsWith('(') || !name.endsWith(')')) src.fail(i, `expected the program name in parentheses (${JSON.stringify(name)})`);
  return {
    iostats_version: f[0],
    program: src.int(f[2].slice(0, slash), i, 'program'),
    version: src.int(f[2].slice(slash + 1), i, 'version'),
    program_name: name.slice(1, -1),
    transports: [],
    operations: [],
  };
}

function parseTransport(src: Lines, i: number, text: string): RpcTransport {
  const f = fields(text);
  const protocol = src.str(f[0], i, 'transport protocol');
  const values = f.slice(1);
  const layout = TRANSPORT_LAYOUTS[protocol];
  if (layout === undefined) {
    return { protocol, values: values.map((t) => src.int(t, i, `${protocol} value`)) };
  }
  return { protocol, ...named(src, i, values, layout.columns, layout.required, `${protocol} transport`) };
}

function parseOperation(src: Lines, i: number, text: string): RpcOperation {
  const colon = text.indexOf(':');
  if (colon <= 0) src.fail(i, 'expected "OPERATION: counts"');
  const values = fields(text.slice(colon + 1));
  return {
    operation: text.slice(0, colon).trim(),
    ...named(src, i, values, OPERATION_NAMES, REQUIRED_OPERATION_VALUES, 'per-op'),
  } as RpcOperation;
}

export function parseMountstats(text: string, file = 'pid/mountstats'): MountstatsRecord[] {
  const src: Lines = new Lines(file, text);
  const records: MountstatsRecord[] = [];
  let current: MountstatsRecord | undefined;
  let perOp = false;
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    const first = line.charCodeAt(0);
    if (first === 100 /* d */ || first === 110 /* n */) {
      current = parseDeviceLine(src, i);
      records.push(current);
      perOp = false;
      continue;
    }
    const body = line.trim();
    if (body === '') continue;
    if (current === undefined) src.fail(i, 'expected a "device … mounted on …" line');
    if (first !== 9 && first !== 32) src.fail(i, 'expected a "device … mounted on …" line or an indented section');
    if (perOp) {
      current.rpc!.operations.push(parseOperation(src, i, body));
      continue;
    }
    if (body.startsWith(RPC_HEADER)) {
      if (current.rpc !== undefined) src.fail(i, 'repeated RPC iostats header');
      current.rpc = parseRpcHeader(src, i, body);
      continue;
    }
    if (body === 'per-op statistics') {
      if (current.rpc === undefined) src.fail(i, 'per-op statistics before the RPC iostats header');
      perOp = true;
      continue;
    }
    const colon = body.indexOf(':');
    if (colon <= 0) src.fail(i, 'expected "section:\tvalues"');
    const name = body.slice(0, colon);
    const rest = body.slice(colon + 1).trim();
    switch (name) {
      case 'opts':
        current.opts = parseMountOptions(rest);
        break;
      case 'age':
        current.age = src.int(rest, i, 'age');
        break;
      case 'impl_id':
      case 'caps':
      case 'nfsv4':
      case 'sec':
        current[name] = sectionValues(src, i, rest);
        break;
      case 'events':
        current.events = named(src, i, fields(rest), EVENT_NAMES, REQUIRED_EVENTS, 'events') as unknown as NfsEvents;
        break;
      case 'bytes':
        current.bytes = named(src, i, fields(rest), BYTES_NAMES, BYTES_NAMES.length, 'bytes') as unknown as NfsBytes;
        break;
      case 'fsc':
        current.fsc = fields(rest).map((t) => src.int(t, i, 'fsc value'));
        break;
      case 'xprt':
        if (current.rpc === undefined) src.fail(i, 'xprt line before the RPC iostats header');
        current.rpc.transports.push(parseTransport(src, i, rest));
        break;
      default:
        (current.other_sections ??= {})[name] = rest;
    }
  }
  return records;
}

export const pidMountstats = defineHandler<MountstatsRecord>({
  name: 'pid/mountstats',
  summary: 'per-mount statistics; NFS mounts add events, bytes, transport and per-operation RPC counters',
  parse: parseMountstats,
});
