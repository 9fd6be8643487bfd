/**
 * /proc/spl/kstat/zfs/dnodestats — ZFS dnode hold, allocation and move statistics: an OpenZFS module-wide named kstat.
 * Module: openzfs module/zfs/dnode.c, kstat_create(…, KSTAT_TYPE_NAMED, …), printed by the SPL's
 *   kstat_seq_show_named(). Format: formats/kstat.ts.
 * Sample: "dnode_hold_dbuf_hold            4    0"
 */
import { namedKstatHandler } from '../../../formats/kstat';

export const zfsDnodestats = namedKstatHandler('spl/kstat/zfs/dnodestats', 'ZFS dnode hold, allocation and move statistics');
