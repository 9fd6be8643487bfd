/**
 * /proc/cgroups — cgroup v1 controllers.
 * Kernel: kernel/cgroup/cgroup-v1.c (3.2: kernel/cgroup.c), proc_cgroupstats_show()
 * (header "#subsys_name\thierarchy\tnum_cgroups\tenabled", rows "%s\t%d\t%d\t%d\n").
 * Sample: "memory\t4\t16\t1"
 *
 * Columns keyed by the header's names (the leading "#" of the first dropped).
 * hierarchy is 0 when the controller is not mounted in a v1 hierarchy;
 * enabled is 1 or 0 as printed.
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface CgroupsRecord {
  subsys_name: string;
  hierarchy: number;
  num_cgroups: number;
  enabled: number;
  [column: string]: string | number;
}

export function parseCgroups(text: string, file = 'cgroups'): CgroupsRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  const header = fields(src.lines[0]);
  if (header[0] !== '#subsys_name') src.fail(0, 'expected the header "#subsys_name hierarchy num_cgroups enabled"');
  header[0] = 'subsys_name';
  const records: CgroupsRecord[] = [];
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== header.length) src.fail(i, `expected ${header.length} columns as the header names, found ${f.length}`);
    const record: Record<string, string | number> = { subsys_name: f[0] };
    for (let c = 1; c < header.length; c++) record[header[c]] = src.int(f[c], i, header[c]);
    records.push(record as CgroupsRecord);
  }
  return records;
}

export const cgroups = defineHandler<CgroupsRecord>({
  name: 'cgroups',
  summary: 'cgroup v1 controllers: hierarchy, number of cgroups, enabled',
  parse: parseCgroups,
});
