/**
 * /proc/spl/kstat/zfs/vdev_cache_stats — ZFS vdev read-ahead cache statistics (older OpenZFS): an OpenZFS module-wide named kstat.
 * Module: openzfs module/zfs/vdev_cache.c (older releases), kstat_create(…, KSTAT_TYPE_NAMED, …), printed by the SPL's
 *   kstat_seq_show_named(). Format: formats/kstat.ts.
 * Sample: "delegations                     4    40"
 */
import { namedKstatHandler } from '../../../formats/kstat';

export const zfsVdevCacheStats = namedKstatHandler(
  'spl/kstat/zfs/vdev_cache_stats',
  'ZFS vdev read-ahead cache statistics (older OpenZFS)',
);
