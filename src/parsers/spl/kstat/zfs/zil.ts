/**
 * /proc/spl/kstat/zfs/zil — ZFS intent log commit and itx statistics: an OpenZFS module-wide named kstat.
 * Module: openzfs module/zfs/zil.c, kstat_create(…, KSTAT_TYPE_NAMED, …), printed by the SPL's
 *   kstat_seq_show_named(). Format: formats/kstat.ts.
 * Sample: "zil_commit_count                4    10"
 */
import { namedKstatHandler } from '../../../formats/kstat';

export const zfsZil = namedKstatHandler('spl/kstat/zfs/zil', 'ZFS intent log commit and itx statistics');
