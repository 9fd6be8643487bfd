/**
 * /proc/spl/kstat/zfs/fm — ZFS fault management ereport statistics: an OpenZFS module-wide named kstat.
 * Module: openzfs module/zfs/fm.c, kstat_create(…, KSTAT_TYPE_NAMED, …), printed by the SPL's
 *   kstat_seq_show_named(). Format: formats/kstat.ts.
 * Sample: "erpt-dropped                    4    18"
 */
import { namedKstatHandler } from '../../../formats/kstat';

export const zfsFm = namedKstatHandler('spl/kstat/zfs/fm', 'ZFS fault management ereport statistics');
