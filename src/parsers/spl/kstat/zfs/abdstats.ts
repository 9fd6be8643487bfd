/**
 * /proc/spl/kstat/zfs/abdstats — ZFS ABD (ARC buffer data) allocation statistics: an OpenZFS module-wide named kstat.
 * Module: openzfs module/os/linux/zfs/abd_os.c, kstat_create(…, KSTAT_TYPE_NAMED, …), printed by the SPL's
 *   kstat_seq_show_named(). Format: formats/kstat.ts.
 * Sample: "struct_size                     4    2520"
 */
import { namedKstatHandler } from '../../../formats/kstat';

export const zfsAbdstats = namedKstatHandler('spl/kstat/zfs/abdstats', 'ZFS ABD (ARC buffer data) allocation statistics');
