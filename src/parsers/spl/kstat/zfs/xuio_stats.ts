/**
 * /proc/spl/kstat/zfs/xuio_stats — ZFS zero-copy (xuio) buffer statistics (older OpenZFS): an OpenZFS module-wide named kstat.
 * Module: openzfs module/zfs/dmu.c (older releases), kstat_create(…, KSTAT_TYPE_NAMED, …), printed by the SPL's
 *   kstat_seq_show_named(). Format: formats/kstat.ts.
 * Sample: "onloan_read_buf                 4    32"
 */
import { namedKstatHandler } from '../../../formats/kstat';

export const zfsXuioStats = namedKstatHandler('spl/kstat/zfs/xuio_stats', 'ZFS zero-copy (xuio) buffer statistics (older OpenZFS)');
