/**
 * /proc/spl/kstat/zfs/zfetchstats — ZFS prefetch (zfetch) hits and misses: an OpenZFS module-wide named kstat.
 * Module: openzfs module/zfs/dmu_zfetch.c, kstat_create(…, KSTAT_TYPE_NAMED, …), printed by the SPL's
 *   kstat_seq_show_named(). Format: formats/kstat.ts.
 * Sample: "hits                            4    7067992"
 */
import { namedKstatHandler } from '../../../formats/kstat';

export const zfsZfetchstats = namedKstatHandler('spl/kstat/zfs/zfetchstats', 'ZFS prefetch (zfetch) hits and misses');
