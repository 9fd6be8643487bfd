/**
 * /proc/spl/kstat/zfs/dmu_tx — ZFS DMU transaction counts (assigned, delayed, throttled): an OpenZFS module-wide named kstat.
 * Module: openzfs module/zfs/dmu_tx.c, kstat_create(…, KSTAT_TYPE_NAMED, …), printed by the SPL's
 *   kstat_seq_show_named(). Format: formats/kstat.ts.
 * Sample: "dmu_tx_assigned                 4    3532844"
 */
import { namedKstatHandler } from '../../../formats/kstat';

export const zfsDmuTx = namedKstatHandler('spl/kstat/zfs/dmu_tx', 'ZFS DMU transaction counts (assigned, delayed, throttled)');
