/**
 * /proc/spl/kstat/zfs/vdev_mirror_stats — ZFS mirror vdev read selection statistics: an OpenZFS module-wide named kstat.
 * Module: openzfs module/zfs/vdev_mirror.c, kstat_create(…, KSTAT_TYPE_NAMED, …), printed by the SPL's
 *   kstat_seq_show_named(). Format: formats/kstat.ts.
 * Sample: "rotating_linear                 4    0"
 */
import { namedKstatHandler } from '../../../formats/kstat';

export const zfsVdevMirrorStats = namedKstatHandler('spl/kstat/zfs/vdev_mirror_stats', 'ZFS mirror vdev read selection statistics');
