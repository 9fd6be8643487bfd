/**
 * /proc/spl/kstat/zfs/<pool>/objset-0x<id> — one dataset's operation counts.
 * Module: openzfs module/os/linux/zfs/zfs_vfsops.c / dataset_kstats.c, dataset_kstats_create():
 *   a named kstat whose first row is the string `dataset_name`. Format: formats/kstat.ts.
 * Sample: "dataset_name                    7    pool1/dataset1"
 *
 * One record per row, as the named kstats. The pool's name is the directory's.
 */
import { defineHandler } from '../../../../../handler';
import { kstatNamed, type KstatNamedRecord } from '../../../../formats/kstat';
import { Lines } from '../../../../helpers';

export function parseZpoolObjset(text: string, file = 'spl/kstat/zfs/pool/objset'): KstatNamedRecord[] {
  const src: Lines = new Lines(file, text);
  const records = kstatNamed(src);
  if (records.length > 0 && records[0].name !== 'dataset_name') src.fail(2, 'expected dataset_name as the first statistic');
  return records;
}

export const zpoolObjset = defineHandler<KstatNamedRecord>({
  name: 'spl/kstat/zfs/pool/objset',
  pattern: 'spl/kstat/zfs/*/objset-*',
  summary: 'ZFS dataset operation counts: dataset name, reads, writes, bytes, unlinks',
  parse: parseZpoolObjset,
});
