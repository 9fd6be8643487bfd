/**
 * Format: NFS RPC statistics, shared by /proc/net/rpc/nfs (client) and /proc/net/rpc/nfsd (server).
 * Kernel: net/sunrpc/stats.c, rpc_proc_show() (client: `"net %u %u %u %u\n"`,
 * `"rpc %u %u %u\n"`, then `"proc%u %u"` + one `" %u"` per procedure) and
 * svc_seq_show() (server `net`, `rpc %u %u %u %u %u`, `procN`); fs/nfsd/stats.c,
 * nfsd_show() (server `rc`, `fh`, `io`, `th`, `ra`, then svc_seq_show(),
 * `proc4ops`, `wdeleg_getattr`).
 * Sample: "proc3 22 0 14 0 3 5 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"
 *
 * One record per line: `line` is the line's label and `values` its numbers
 * keyed by the names prometheus/procfs gives them (nfs/parse.go,
 * parse_nfs.go, parse_nfsd.go), which node_exporter's nfs and nfsd
 * collectors export. `procN`/`proc4ops` lines start with a count of the
 * values that follow: it is checked and kept as `count`. Values past the
 * known names (newer kernels), and lines with an unknown label, are kept
 * under `value<N>` (N = 1-based position among the line's values). Lines
 * whose label is followed by no value are errors. The fixtures
 * fixtures/synthetic/proc/net/rpc/nfs and nfsd are written by hand from those
 * seq_printf calls (no NFS on the captured machines).
 */
import { fields, Lines } from '../helpers';

export interface RpcStatsRecord {
  line: string;
  /** For `procN` and `proc4ops`: the count the kernel prints before the values. */
  count?: number;
  values: Record<string, number>;
}

const NETWORK = ['NetCount', 'UDPCount', 'TCPCount', 'TCPConnect'];
/** Procedure names of each NFS version, in the kernel's order (procfs's names). */
export const NFS_V2 = [
  'Null',
  'GetAttr',
  'SetAttr',
  'Root',
  'Lookup',
  'ReadLink',
  'Read',
  'WrCache',
  'Write',
  'Create',
  'Remove',
  'Rename',
  'Link',
  'SymLink',
  'MkDir',
  'RmDir',
  'ReadDir',
  'FsStat',
];
export const NFS_V3 = [
  'Null',
  'GetAttr',
  'SetAttr',
  'Lookup',
  'Access',
  'ReadLink',
  'Read',
  'Write',
  'Create',
  'MkDir',
  'SymLink',
  'MkNod',
  'Remove',
  'RmDir',
  'Rename',
  'Link',
  'ReadDir',
  'ReadDirPlus',
  'FsStat',
  'FsInfo',
  'PathConf',
  'Commit',
];
export const NFS_CLIENT_V4 = [
  'Null',
  'Read',
  'Write',
  'Commit',
  'Open',
  'OpenConfirm',
  'OpenNoattr',
  'OpenDowngrade',
  'Close',
  'Setattr',
  'FsInfo',
  'Renew',
  'SetClientID',
  'SetClientIDConfirm',
  'Lock',
  'Lockt',
  'Locku',
  'Access',
  'Getattr',
  'Lookup',
  'LookupRoot',
  'Remove',
  'Rename',
  'Link',
  'Symlink',
  'Create',
  'Pathconf',
  'StatFs',
  'ReadLink',
  'ReadDir',
  'ServerCaps',
  'DelegReturn',
  'GetACL',
  'SetACL',
  'FsLocations',
  'ReleaseLockowner',
  'Secinfo',
  'FsidPresent',
  'ExchangeID',
  'CreateSession',
  'DestroySession',
  'Sequence',
  'GetLeaseTime',
  'ReclaimComplete',
  'GetDeviceInfo',
  'LayoutGet',
  'LayoutCommit',
  'LayoutReturn',
  'SecinfoNoName',
  'TestStateID',
  'FreeStateID',
  'GetDeviceList',
  'BindConnToSession',
  'DestroyClientID',
  'Seek',
  'Allocate',
  'DeAllocate',
  'LayoutStats',
  'Clone',
];
const V4_OPS = [
  'Op0Unused',
  'Op1Unused',
  'Op2Future',
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
  'PutPubFH',
  'PutRootFH',
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
  'SetClientID',
  'SetClientIDConfirm',
  'Verify',
  'Write',
  'RelLockOwner',
];

type Names = Record<string, readonly string[]>;

const CLIENT: Names = {
  net: NETWORK,
  rpc: ['RPCCount', 'Retransmissions', 'AuthRefreshes'],
  proc2: NFS_V2,
  proc3: NFS_V3,
  proc4: NFS_CLIENT_V4,
};

const SERVER: Names = {
  rc: ['Hits', 'Misses', 'NoCache'],
  fh: ['Stale', 'TotalLookups', 'AnonLookups', 'DirNoCache', 'NoDirNoCache'],
  io: ['Read', 'Write'],
  th: ['Threads', 'FullCnt'],
  ra: ['CacheSize', ...Array.from({ length: 10 }, (_, n) => `CacheHistogram${n + 1}`), 'NotFound'],
  net: NETWORK,
  rpc: ['RPCCount', 'BadCnt', 'BadFmt', 'BadAuth', 'BadcInt'],
  proc2: NFS_V2,
  proc3: NFS_V3,
  proc4: ['Null', 'Compound'],
  proc4ops: V4_OPS,
};

const COUNTED = /^proc\d+(ops)?$/;

function parseRpcStats(text: string, file: string, names: Names): RpcStatsRecord[] {
  const src = new Lines(file, text);
  const records: RpcStatsRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length < 2) src.fail(i, `expected "${f[0]} values…"`);
    const line = f[0];
    const record: RpcStatsRecord = { line, values: {} };
    let first = 1;
    if (COUNTED.test(line)) {
      record.count = src.int(f[1], i, 'count');
      if (record.count !== f.length - 2) src.fail(i, `count says ${record.count} values, found ${f.length - 2}`);
      first = 2;
    }
    const known = Object.hasOwn(names, line) ? names[line] : [];
    // Only the server's thread line carries fractions (its deprecated histogram).
    const fractional = line === 'th';
    for (let c = first; c < f.length; c++) {
      const position = c - first;
      const name = position < known.length ? known[position] : `value${position + 1}`;
      record.values[name] = fractional ? src.float(f[c], i, name) : src.int(f[c], i, name);
    }
    records.push(record);
  }
  return records;
}

export function parseRpcNfs(text: string, file = 'net/rpc/nfs'): RpcStatsRecord[] {
  return parseRpcStats(text, file, CLIENT);
}

export function parseRpcNfsd(text: string, file = 'net/rpc/nfsd'): RpcStatsRecord[] {
  return parseRpcStats(text, file, SERVER);
}
