/**
 * /proc/spl/kstat/zfs/arcstats — ZFS ARC (adaptive replacement cache) sizes, hits and misses: an OpenZFS module-wide named kstat.
 * Module: openzfs module/zfs/arc.c, kstat_create(…, KSTAT_TYPE_NAMED, …), printed by the SPL's
 *   kstat_seq_show_named(). Format: formats/kstat.ts.
 * Sample: "hits                            4    8772612"
 */
import { namedKstatHandler } from '../../../formats/kstat';

export const zfsArcstats = namedKstatHandler('spl/kstat/zfs/arcstats', 'ZFS ARC (adaptive replacement cache) sizes, hits and misses');
