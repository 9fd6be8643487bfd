/**
 * /proc/spl/kstat/zfs/dbufstats — ZFS dbuf cache statistics: an OpenZFS module-wide named kstat.
 * Module: openzfs module/zfs/dbuf.c, kstat_create(…, KSTAT_TYPE_NAMED, …), printed by the SPL's
 *   kstat_seq_show_named(). Format: formats/kstat.ts.
 * Sample: "dbuf_cache_count                4    27"
 */
import { namedKstatHandler } from '../../../formats/kstat';

export const zfsDbufstats = namedKstatHandler('spl/kstat/zfs/dbufstats', 'ZFS dbuf cache statistics');
