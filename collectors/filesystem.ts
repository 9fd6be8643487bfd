/**
 * filesystem: size, free space and inodes of each mounted filesystem, as node_exporter's filesystem
 * collector: node_filesystem_{size,free,avail}_bytes, files, files_free, readonly, device_error and
 * mount_info, labelled device, mountpoint, fstype and device_error (the statfs error, "" when none;
 * mount_info: device, major, minor, mountpoint).
 * node_exporter: collector/filesystem_common.go, filesystem_linux.go.
 *
 * As node_exporter: the mounts are init's, <procfs>/1/mountinfo (else <procfs>/self/mountinfo, when
 * hidepid hides pid 1); mount points and filesystem types matching the exclude regexps (or not
 * matching an include regexp) are left out before any call; each remaining mount point is statfs'd
 * under --path.rootfs, and reported under its own path (a mount point under the rootfs, as seen
 * from a container's mount namespace, loses that prefix); readonly is 1 when the mount or its
 * superblock has the `ro` option; a mount seen twice with the same labels counts once. A statfs
 * that fails gives device_error 1 with the error as its label, readonly, and nothing else.
 *
 * A statfs that never returns (a dead NFS server) is bounded: after --collector.filesystem.mount-timeout
 * the mount is reported with device_error="mountpoint timeout" and, until that call returns, at
 * once, without calling again. The calls run on a few worker threads, never on libuv's thread pool
 * (src/system/statfs.ts), so stuck mounts cannot stall file reads, other collectors or /dump.
 */
import type { MountinfoRecord } from '../src/parsers/pid/mountinfo';
import {
  defineCollector,
  mapping,
  statfsPool,
  type CollectorDefinition,
  type MetricMapping,
  type ProcFs,
  type ReadRecords,
  type StatfsOutcome,
  type StatfsPool,
} from '../src/collector';

export const MOUNT_POINTS_EXCLUDE = '^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)';
export const FS_TYPES_EXCLUDE =
  '^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|' +
  'rpc_pipefs|securityfs|selinuxfs|squashfs|erofs|sysfs|tracefs)$';

/** One mount as the mappings see it: its labels, and the statfs counts when the call succeeded. */
export interface FilesystemRow {
  device: string;
  mountpoint: string;
  fstype: string;
  /** The statfs error ("" when none). */
  device_error: string;
  major: string;
  minor: string;
  readonly: number;
  error: number;
  size?: number;
  free?: number;
  avail?: number;
  files?: number;
  files_free?: number;
}

/** device_error of a mount whose call did not return in time (node_exporter's words). */
export const TIMEOUT_ERROR = 'mountpoint timeout';
/** device_error of a mount not called because every statfs thread is stuck. */
export const BUSY_ERROR = 'statfs not attempted: too many mounts stuck';

/** init's mount table, or the reader's when pid 1 is hidden. */
async function mountTable(read: ReadRecords): Promise<MountinfoRecord[]> {
  const init = await read<MountinfoRecord>('pid/mountinfo', 'optional', '1/mountinfo');
  return init ?? read<MountinfoRecord>('pid/mountinfo', 'required', 'self/mountinfo');
}

/** A mount point as seen from the host: the rootfs prefix removed (node_exporter's rootfsStripPrefix). */
export function hostMountPoint(mountPoint: string, rootfs: ProcFs): string {
  const root = rootfs.root;
  if (root === '/') return mountPoint;
  if (mountPoint === root) return '/';
  return mountPoint.startsWith(`${root}/`) ? mountPoint.slice(root.length) : mountPoint;
}

/** Where to statfs a mount point: under the rootfs. */
function statfsPath(mountPoint: string, rootfs: ProcFs): string {
  return mountPoint === '/' ? rootfs.root : rootfs.resolve(mountPoint.replace(/^\/+/, ''));
}

function kept(subject: string, include: unknown, exclude: unknown): boolean {
  if (typeof include === 'string' && include !== '') return new RegExp(include).test(subject);
  return !(typeof exclude === 'string' && exclude !== '' && new RegExp(exclude).test(subject));
}

function outcomeRow(base: Omit<FilesystemRow, 'device_error' | 'error'>, outcome: StatfsOutcome): FilesystemRow {
  switch (outcome.kind) {
    case 'ok': {
      const c = outcome.counts;
      return {
        ...base,
        device_error: '',
        error: 0,
        size: c.blocks * c.bsize,
        free: c.bfree * c.bsize,
        avail: c.bavail * c.bsize,
        files: c.files,
        files_free: c.ffree,
      };
    }
    case 'error':
      return { ...base, device_error: outcome.message, error: 1 };
    case 'timeout':
      return { ...base, device_error: TIMEOUT_ERROR, error: 1 };
    case 'busy':
      return { ...base, device_error: BUSY_ERROR, error: 1 };
  }
}

const LABELS = { device: 'device', mountpoint: 'mountpoint', fstype: 'fstype', device_error: 'device_error' } as const;

const gauge = (name: string, help: string, value: keyof FilesystemRow): MetricMapping<FilesystemRow> =>
  mapping<FilesystemRow>({ from: 'filesystem', name: `node_filesystem_${name}`, help, type: 'gauge', labels: LABELS, value });

/** The collector, making its statfs calls on `pool` (tests give one whose calls block). */
export function filesystemCollector(pool: StatfsPool): CollectorDefinition {
  return defineCollector({
    name: 'filesystem',
    description: 'Filesystem size, free space and inodes of each mount (statfs(2) under --path.rootfs, bounded by a timeout).',
    defaultEnabled: true,
    reads: { 'pid/mountinfo': 'required' },
    options: {
      mountPointsExclude: {
        type: 'regex',
        default: MOUNT_POINTS_EXCLUDE,
        description: 'Regexp of mount points to exclude for filesystem collector. (mutually exclusive to mount-points-include)',
      },
      mountPointsInclude: {
        type: 'regex',
        default: '',
        description: 'Regexp of mount points to include for filesystem collector. (mutually exclusive to mount-points-exclude)',
      },
      fsTypesExclude: {
        type: 'regex',
        default: FS_TYPES_EXCLUDE,
        description: 'Regexp of filesystem types to exclude for filesystem collector. (mutually exclusive to fs-types-include)',
      },
      fsTypesInclude: {
        type: 'regex',
        default: '',
        description: 'Regexp of filesystem types to include for filesystem collector. (mutually exclusive to fs-types-exclude)',
      },
      mountTimeout: { type: 'duration', default: '5s', description: 'how long to wait for a mount to respond before marking it as stale' },
      statWorkers: { type: 'number', default: 4, description: 'how many stat calls to process simultaneously' },
    },
    gather: async ({ read, rootfs, options }) => {
      const limits = { timeoutMs: Number(options.mountTimeout), workers: Number(options.statWorkers) };
      const mounts = (await mountTable(read))
        .map((m) => ({ mount: m, mountpoint: hostMountPoint(m.mount_point, rootfs) }))
        .filter(({ mountpoint }) => kept(mountpoint, options.mountPointsInclude, options.mountPointsExclude))
        .filter(({ mount }) => kept(mount.fstype, options.fsTypesInclude, options.fsTypesExclude));
      const rows = await Promise.all(
        mounts.map(async ({ mount, mountpoint }) => {
          const base = {
            device: mount.source,
            mountpoint,
            fstype: mount.fstype,
            major: String(mount.major),
            minor: String(mount.minor),
            readonly: mount.mount_options.ro === true || mount.super_options.ro === true ? 1 : 0,
          };
          let path: string;
          try {
            path = statfsPath(mountpoint, rootfs);
          } catch (error) {
            return outcomeRow(base, { kind: 'error', code: 'EINVAL', message: (error as Error).message });
          }
          return outcomeRow(base, await pool.statfs(path, limits));
        }),
      );
      // A mount seen twice (the same filesystem mounted over itself) counts once, as in node_exporter.
      const seen = new Set<string>();
      const unique = rows.filter((r) => {
        const key = JSON.stringify([r.device, r.mountpoint, r.fstype, r.device_error, r.major, r.minor]);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      const infos = new Set<string>();
      const mountInfo = unique.filter((r) => {
        const key = JSON.stringify([r.device, r.major, r.minor, r.mountpoint]);
        if (r.error === 1 || infos.has(key)) return false;
        infos.add(key);
        return true;
      });
      return { filesystem: unique, mount_info: mountInfo };
    },
    metrics: [
      gauge('device_error', 'Whether an error occurred while getting statistics for the given device.', 'error'),
      gauge('readonly', 'Filesystem read-only status.', 'readonly'),
      gauge('size_bytes', 'Filesystem size in bytes.', 'size'),
      gauge('free_bytes', 'Filesystem free space in bytes.', 'free'),
      gauge('avail_bytes', 'Filesystem space available to non-root users in bytes.', 'avail'),
      gauge('files', 'Filesystem total file nodes.', 'files'),
      gauge('files_free', 'Filesystem total free file nodes.', 'files_free'),
      mapping<FilesystemRow>({
        from: 'mount_info',
        name: 'node_filesystem_mount_info',
        help: 'Filesystem mount information.',
        type: 'gauge',
        labels: { device: 'device', major: 'major', minor: 'minor', mountpoint: 'mountpoint' },
        value: () => 1,
      }),
    ],
  });
}

export const filesystem = filesystemCollector(statfsPool);
