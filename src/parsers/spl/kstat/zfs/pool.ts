/**
 * /proc/spl/kstat/zfs/<pool>/io, /proc/spl/kstat/zfs/<pool>/objset-0x<id> and
 * /proc/spl/kstat/zfs/<pool>/state — one pool's I/O totals, one dataset's
 * operation counts, the pool's state.
 * Module: openzfs module/zfs/spa_stats.c: spa_io_history_init() (io, a KSTAT_TYPE_IO kstat
 *   printed by kstat_seq_show_io(); recent OpenZFS has iostats instead) and spa_state_data()
 *   (state: a headerless raw kstat, the state's name and a newline);
 *   module/os/linux/zfs/zfs_vfsops.c / dataset_kstats.c, dataset_kstats_create() (objset-*,
 *   a named kstat whose first row is the string `dataset_name`).
 * Sample: "1884160  3206144  22       132      7155162  104112268 79210489694949 24168078 …"   (io)
 *         "dataset_name                    7    pool1/dataset1"                              (objset)
 *         "ONLINE"                                                                             (state)
 *
 * io: one record keyed by the column header (nread, nwritten in bytes;
 * reads, writes; wtime, wlentime, rtime, rlentime in ns; wupdate, rupdate
 * timestamps; wcnt, rcnt queue lengths). objset: one record per row, as the
 * named kstats (kstat.ts). state: one record `{ state }` as written (ONLINE,
 * DEGRADED, FAULTED, OFFLINE, REMOVED, UNAVAIL, SUSPENDED). The pool's name
 * is the directory's; the parsers see only the text.
 */
import { defineHandler } from '../../../../handler';
import { fields, Lines } from '../../../helpers';
import { kstatIo, kstatNamed, type KstatNamedRecord } from './kstat';

export interface ZpoolStateRecord {
  state: string;
}

export function parseZpoolIo(text: string, file = 'spl/kstat/zfs/pool/io'): Record<string, number>[] {
  return kstatIo(new Lines(file, text));
}

export function parseZpoolObjset(text: string, file = 'spl/kstat/zfs/pool/objset'): KstatNamedRecord[] {
  const src: Lines = new Lines(file, text);
  const records = kstatNamed(src);
  if (records.length > 0 && records[0].name !== 'dataset_name') src.fail(2, 'expected dataset_name as the first statistic');
  return records;
}

export function parseZpoolState(text: string, file = 'spl/kstat/zfs/pool/state'): ZpoolStateRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  if (src.length > 1) src.fail(1, 'expected one line');
  const f = fields(src.lines[0]);
  if (f.length !== 1 || !/^[A-Z]+$/.test(f[0])) src.fail(0, 'expected one state name (ONLINE, DEGRADED, …)');
  return [{ state: f[0] }];
}

export const zpoolIo = defineHandler<Record<string, number>>({
  name: 'spl/kstat/zfs/pool/io',
  pattern: 'spl/kstat/zfs/*/io',
  summary: 'ZFS pool I/O totals: bytes and operations read and written, wait and run queue times (older OpenZFS)',
  parse: parseZpoolIo,
});

export const zpoolObjset = defineHandler<KstatNamedRecord>({
  name: 'spl/kstat/zfs/pool/objset',
  pattern: 'spl/kstat/zfs/*/objset-*',
  summary: 'ZFS dataset operation counts: dataset name, reads, writes, bytes, unlinks',
  parse: parseZpoolObjset,
});

export const zpoolState = defineHandler<ZpoolStateRecord>({
  name: 'spl/kstat/zfs/pool/state',
  pattern: 'spl/kstat/zfs/*/state',
  summary: 'ZFS pool state (ONLINE, DEGRADED, FAULTED, …)',
  parse: parseZpoolState,
});
