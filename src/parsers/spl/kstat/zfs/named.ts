/**
 * /proc/spl/kstat/zfs/{arcstats,abdstats,dbufstats,dmu_tx,dnodestats,fm,vdev_cache_stats,
 * vdev_mirror_stats,xuio_stats,zfetchstats,zil} — OpenZFS's module-wide named kstats.
 * Module: openzfs module/zfs/arc.c (arcstats), module/os/linux/zfs/abd_os.c (abdstats),
 *   dbuf.c (dbufstats), dmu_tx.c (dmu_tx), dnode.c (dnodestats), fm.c (fm),
 *   vdev_cache.c (vdev_cache_stats, older releases), vdev_mirror.c (vdev_mirror_stats),
 *   dmu.c (xuio_stats, older releases), dmu_zfetch.c (zfetchstats), zil.c (zil), each a
 *   kstat_create(…, KSTAT_TYPE_NAMED, …) printed by the SPL's kstat_seq_show_named().
 * Sample: "hits                            4    8772612"
 *
 * One record per statistic: its name, its KSTAT_DATA_* type and its value
 * (see kstat.ts for the layout). Names are kept as written (fm's
 * `erpt-dropped` has a hyphen).
 */
import { defineHandler, type Handler } from '../../../../handler';
import { Lines } from '../../../helpers';
import { kstatNamed, type KstatNamedRecord } from './kstat';

export type { KstatNamedRecord };

export function parseKstatNamedFile(text: string, file: string): KstatNamedRecord[] {
  return kstatNamed(new Lines(file, text));
}

function zfsKstat(leaf: string, summary: string): Handler<KstatNamedRecord> {
  const name = `spl/kstat/zfs/${leaf}`;
  return defineHandler<KstatNamedRecord>({ name, summary, parse: (text, file) => parseKstatNamedFile(text, file ?? name) });
}

export const zfsAbdstats = zfsKstat('abdstats', 'ZFS ABD (ARC buffer data) allocation statistics');
export const zfsArcstats = zfsKstat('arcstats', 'ZFS ARC (adaptive replacement cache) sizes, hits and misses');
export const zfsDbufstats = zfsKstat('dbufstats', 'ZFS dbuf cache statistics');
export const zfsDmuTx = zfsKstat('dmu_tx', 'ZFS DMU transaction counts (assigned, delayed, throttled)');
export const zfsDnodestats = zfsKstat('dnodestats', 'ZFS dnode hold, allocation and move statistics');
export const zfsFm = zfsKstat('fm', 'ZFS fault management ereport statistics');
export const zfsVdevCacheStats = zfsKstat('vdev_cache_stats', 'ZFS vdev read-ahead cache statistics (older OpenZFS)');
export const zfsVdevMirrorStats = zfsKstat('vdev_mirror_stats', 'ZFS mirror vdev read selection statistics');
export const zfsXuioStats = zfsKstat('xuio_stats', 'ZFS zero-copy (xuio) buffer statistics (older OpenZFS)');
export const zfsZfetchstats = zfsKstat('zfetchstats', 'ZFS prefetch (zfetch) hits and misses');
export const zfsZil = zfsKstat('zil', 'ZFS intent log commit and itx statistics');
