/**
 * /proc/spl/kstat/zfs/<pool>/io — one pool's I/O totals (older OpenZFS; recent releases have iostats).
 * Module: openzfs module/zfs/spa_stats.c, spa_io_history_init(): a KSTAT_TYPE_IO kstat printed by the
 *   SPL's kstat_seq_show_io(). Format: formats/kstat.ts.
 * Sample: "1884160  3206144  22       132      7155162  104112268 79210489694949 24168078 …"
 *
 * One record keyed by the column header: nread, nwritten in bytes; reads,
 * writes; wtime, wlentime, rtime, rlentime in ns; wupdate, rupdate
 * timestamps; wcnt, rcnt queue lengths. The pool's name is the directory's.
 */
import { defineHandler } from '../../../../../handler';
import { kstatIo } from '../../../../formats/kstat';
import { Lines } from '../../../../helpers';

export function parseZpoolIo(text: string, file = 'spl/kstat/zfs/pool/io'): Record<string, number>[] {
  return kstatIo(new Lines(file, text));
}

export const zpoolIo = defineHandler<Record<string, number>>({
  name: 'spl/kstat/zfs/pool/io',
  pattern: 'spl/kstat/zfs/*/io',
  summary: 'ZFS pool I/O totals: bytes and operations read and written, wait and run queue times (older OpenZFS)',
  parse: parseZpoolIo,
});
