/**
 * /proc/slabinfo — kernel slab allocator caches.
 * Kernel: mm/slab_common.c, print_slabinfo_header() and cache_show() (mm/slab.c on 3.2 with SLAB).
 * Sample: "kmalloc-96          3234   3234     96   42    1 : tunables    0    0    0 : slabdata     77     77      0"
 *
 * Version 2.1 has two layouts: the plain one and, with CONFIG_DEBUG_SLAB
 * ("slabinfo - version: 2.1 (statistics)"), two more groups `: globalstat …`
 * and `: cpustat …`. Columns are keyed by the header's names: the first group
 * at the top level, each `: group <a> <b>` as a nested object. Readable by root only.
 * The synthetic fixture shows the statistics layout (mm/slab.c, slabinfo_show_stats()).
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface SlabinfoRecord {
  name: string;
  active_objs: number;
  num_objs: number;
  objsize: number;
  objperslab: number;
  pagesperslab: number;
  tunables: { limit: number; batchcount: number; sharedfactor: number };
  slabdata: { active_slabs: number; num_slabs: number; sharedavail: number };
  /** CONFIG_DEBUG_SLAB only. */
  globalstat?: Record<string, number>;
  /** CONFIG_DEBUG_SLAB only. */
  cpustat?: Record<string, number>;
  /** Any other group a kernel adds, keyed by its header name. */
  [group: string]: string | number | Record<string, number> | undefined;
}

interface Group {
  name: string;
  columns: string[];
}

function headerGroups(src: Lines, index: number): Group[] {
  const line = src.lines[index];
  if (!line.startsWith('# name')) src.fail(index, 'expected the "# name <column> …" header');
  const groups: Group[] = [];
  const parts = line.slice(1).split(' : ');
  for (let g = 0; g < parts.length; g++) {
    const f = fields(parts[g]);
    const name = f[0];
    const columns: string[] = [];
    for (let c = 1; c < f.length; c++) {
      const col = f[c];
      if (col.length < 3 || col[0] !== '<' || col[col.length - 1] !== '>')
        src.fail(index, `expected "<column>" in the header, found ${JSON.stringify(col)}`);
      columns.push(col.slice(1, -1));
    }
    if (columns.length === 0) src.fail(index, `header group ${JSON.stringify(name)} names no columns`);
    groups.push({ name, columns });
  }
  return groups;
}

export function parseSlabinfo(text: string, file = 'slabinfo'): SlabinfoRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (!src.lines[0].startsWith('slabinfo - version: 2.')) src.fail(0, 'expected "slabinfo - version: 2.x"');
  if (src.length < 2) return [];
  const groups = headerGroups(src, 1);
  const records: SlabinfoRecord[] = [];
  for (let i = 2; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const parts = line.split(' : ');
    if (parts.length !== groups.length)
      src.fail(i, `expected ${groups.length} ":"-separated groups as the header names, found ${parts.length}`);
    const record: Record<string, unknown> = {};
    for (let g = 0; g < groups.length; g++) {
      const { name, columns } = groups[g];
      const f = fields(parts[g]);
      if (g === 0) {
        if (f.length !== columns.length + 1) src.fail(i, `expected a name and ${columns.length} counts, found ${f.length} fields`);
        record.name = f[0];
        for (let c = 0; c < columns.length; c++) record[columns[c]] = src.int(f[c + 1], i, columns[c]);
      } else {
        if (f[0] !== name) src.fail(i, `expected group ${JSON.stringify(name)}, found ${JSON.stringify(f[0])}`);
        if (f.length !== columns.length + 1) src.fail(i, `expected ${columns.length} values in group ${name}, found ${f.length - 1}`);
        const values: Record<string, number> = {};
        for (let c = 0; c < columns.length; c++) values[columns[c]] = src.int(f[c + 1], i, `${name}.${columns[c]}`);
        record[name] = values;
      }
    }
    records.push(record as SlabinfoRecord);
  }
  return records;
}

export const slabinfo = defineHandler<SlabinfoRecord>({
  name: 'slabinfo',
  summary: 'slab allocator caches: objects, sizes, tunables, slab counts',
  parse: parseSlabinfo,
});
