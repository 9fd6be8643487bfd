/**
 * zfs: OpenZFS's kstats under /proc/spl/kstat/zfs, as node_exporter's zfs
 * collector (on by default), every series untyped with the kstat's name as help:
 *
 * - node_zfs_<subsystem>_<name> for the int64 and uint64 rows (KSTAT_DATA
 *   types 3 and 4) of abdstats (zfs_abd), arcstats (zfs_arc), dbufstats
 *   (zfs_dbuf), dmu_tx (zfs_dmu_tx), dnodestats (zfs_dnode), fm (zfs_fm),
 *   vdev_cache_stats (zfs_vdev_cache), vdev_mirror_stats (zfs_vdev_mirror),
 *   xuio_stats (zfs_xuio), zfetchstats (zfs_zfetch), zil (zfs_zil), help
 *   `kstat.zfs.misc.<file>.<name>`; a `-` in a name becomes `_`. A file this
 *   ZFS version lacks is skipped;
 * - node_zfs_zpool_<column>{zpool} from each pool's io kstat (help
 *   `kstat.zfs.misc.io.<column>`);
 * - node_zfs_zpool_dataset_<name>{zpool,dataset} from each objset-* kstat's
 *   uint64 rows, the dataset named by its dataset_name row, spaces kept
 *   (help `kstat.zfs.misc.objset.<name>`);
 * - node_zfs_zpool_state{zpool,state}, a gauge: 1 for the pool's state
 *   (lower-cased) among online, degraded, faulted, offline, removed, unavail,
 *   suspended, 0 for the others (help `kstat.zfs.misc.state`).
 *
 * No /proc/spl/kstat/zfs (ZFS not loaded) fails the run, as node_exporter's
 * "no data"; a file that does not parse fails it too.
 * node_exporter: collector/zfs_linux.go, zfs.go.
 */
import type { KstatNamedRecord } from '../src/parsers/formats/kstat';
import type { ZpoolStateRecord } from '../src/parsers/spl/kstat/zfs/pool/state';
import { defineCollector, mapping, MissingFileError, type CollectorInput, type GatherContext } from '../src/collector';

const BASE = 'spl/kstat/zfs';

/** node_exporter's linuxPathMap: metric subsystem → kstat file. */
const FILES: [subsystem: string, file: string][] = [
  ['zfs_abd', 'abdstats'],
  ['zfs_arc', 'arcstats'],
  ['zfs_dbuf', 'dbufstats'],
  ['zfs_dmu_tx', 'dmu_tx'],
  ['zfs_dnode', 'dnodestats'],
  ['zfs_fm', 'fm'],
  ['zfs_vdev_cache', 'vdev_cache_stats'],
  ['zfs_vdev_mirror', 'vdev_mirror_stats'],
  ['zfs_xuio', 'xuio_stats'],
  ['zfs_zfetch', 'zfetchstats'],
  ['zfs_zil', 'zil'],
];

const POOL_STATES = ['online', 'degraded', 'faulted', 'offline', 'removed', 'unavail', 'suspended'];

interface ModuleStat {
  subsystem: string;
  file: string;
  name: string;
  value: number;
}

interface PoolIo {
  zpool: string;
  io: Record<string, number>;
}

interface DatasetStat {
  zpool: string;
  dataset: string;
  name: string;
  value: number;
}

interface PoolState {
  zpool: string;
  state: string;
}

const INT64 = 3;
const UINT64 = 4;

function metricName(name: string): string {
  return name.replace(/-/g, '_');
}

async function gatherZfs({ procfs, read }: GatherContext): Promise<CollectorInput> {
  if (!procfs.isDirectory(BASE)) throw new MissingFileError(`${procfs.root}/${BASE}`);
  const modules: ModuleStat[] = [];
  for (const [subsystem, file] of FILES) {
    const rows = await read<KstatNamedRecord>(`${BASE}/${file}`, 'optional');
    for (const r of rows ?? []) {
      if (r.type === INT64 || r.type === UINT64) modules.push({ subsystem, file, name: r.name, value: r.value as number });
    }
  }
  const io: PoolIo[] = [];
  const datasets: DatasetStat[] = [];
  const states: PoolState[] = [];
  const pools = procfs
    .list(BASE)
    .filter((entry) => procfs.isDirectory(`${BASE}/${entry}`))
    .sort();
  for (const zpool of pools) {
    const entries = procfs.list(`${BASE}/${zpool}`).sort();
    if (entries.includes('io')) {
      const records = await read<Record<string, number>>(`${BASE}/pool/io`, 'optional', `${BASE}/${zpool}/io`);
      for (const record of records ?? []) io.push({ zpool, io: record });
    }
    for (const objset of entries.filter((e) => e.startsWith('objset-'))) {
      const rows = (await read<KstatNamedRecord>(`${BASE}/pool/objset`, 'optional', `${BASE}/${zpool}/${objset}`)) ?? [];
      const dataset = String(rows[0]?.value ?? '');
      for (const r of rows) if (r.type === UINT64) datasets.push({ zpool, dataset, name: r.name, value: r.value as number });
    }
    if (entries.includes('state')) {
      for (const r of (await read<ZpoolStateRecord>(`${BASE}/pool/state`, 'optional', `${BASE}/${zpool}/state`)) ?? []) {
        states.push({ zpool, state: r.state.toLowerCase() });
      }
    }
  }
  return { modules, io, datasets, states };
}

export const zfs = defineCollector({
  name: 'zfs',
  description: 'ZFS ARC, DMU, ZIL and other kstats, pool I/O, dataset counts and pool states (/proc/spl/kstat/zfs).',
  defaultEnabled: true,
  reads: {
    ...Object.fromEntries(FILES.map(([, file]) => [`${BASE}/${file}`, 'optional' as const])),
    [`${BASE}/pool/io`]: 'optional',
    [`${BASE}/pool/objset`]: 'optional',
    [`${BASE}/pool/state`]: 'optional',
  },
  gather: gatherZfs,
  metrics: [
    mapping<ModuleStat>({
      from: 'modules',
      name: ({ record }) => `node_${record.subsystem}_${metricName(record.name)}`,
      namePattern: 'node_zfs_<subsystem>_<name>',
      help: ({ record }) => `kstat.zfs.misc.${record.file}.${record.name}`,
      type: 'untyped',
      value: 'value',
    }),
    mapping<PoolIo>({
      from: 'io',
      each: 'io',
      name: ({ key }) => `node_zfs_zpool_${metricName(key)}`,
      namePattern: 'node_zfs_zpool_<column>',
      help: ({ key }) => `kstat.zfs.misc.io.${key}`,
      type: 'untyped',
      labels: { zpool: 'zpool' },
    }),
    mapping<DatasetStat>({
      from: 'datasets',
      name: ({ record }) => `node_zfs_zpool_dataset_${metricName(record.name)}`,
      namePattern: 'node_zfs_zpool_dataset_<name>',
      help: ({ record }) => `kstat.zfs.misc.objset.${record.name}`,
      type: 'untyped',
      labels: { dataset: 'dataset', zpool: 'zpool' },
      value: 'value',
    }),
    mapping<PoolState>({
      from: 'states',
      each: (s) => Object.fromEntries(POOL_STATES.map((state) => [state, s.state === state ? 1 : 0])),
      name: 'node_zfs_zpool_state',
      help: 'kstat.zfs.misc.state',
      type: 'gauge',
      labels: { state: '$key', zpool: 'zpool' },
    }),
  ],
});
