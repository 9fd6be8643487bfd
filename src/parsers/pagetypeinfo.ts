/**
 * /proc/pagetypeinfo — free pages per migrate type and order, and page blocks per type, by node and zone.
 * Kernel: mm/vmstat.c, pagetypeinfo_show(): "Page block order: %d", "Pages per block:  %lu",
 *   pagetypeinfo_showfree_print() ("Node %4d, zone %8s, type %12s " then "%6lu " per order),
 *   pagetypeinfo_showblockcount_print() ("Node %d, zone %8s " then "%12lu " per type) and, with
 *   CONFIG_PAGE_OWNER, pagetypeinfo_showmixedcount_print() ("Number of mixed blocks …").
 * Sample: "Node    0, zone   Normal, type      Movable      0      1     32    386    381    261"
 *
 * One record per node and zone. Free counts are keyed by migrate type, then
 * by the order as the header writes it (`free_pages.Movable["10"]`); block
 * counts by the header's migrate type names. Readable by root only.
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface PagetypeinfoRecord {
  node: number;
  zone: string;
  page_block_order: number;
  pages_per_block: number;
  /** Free blocks per migrate type and order: `{Movable: {"0": 2, "1": 3, …}}`. */
  free_pages: Record<string, Record<string, number>>;
  /** Page blocks per migrate type. */
  blocks: Record<string, number>;
  /** Page blocks holding pages of other migrate types (CONFIG_PAGE_OWNER). */
  mixed_blocks?: Record<string, number>;
}

const FREE_HEADER = 'Free pages count per migrate type at order';
const BLOCKS_HEADER = 'Number of blocks type';
const MIXED_HEADER = 'Number of mixed blocks';

/** "Node    0, zone   Normal" → node and zone; `rest` is the text after. */
function nodeZone(src: Lines, i: number, line: string): { node: number; zone: string; rest: string } {
  const comma = line.indexOf(',');
  if (!line.startsWith('Node ') || comma < 0) src.fail(i, 'expected "Node N, zone NAME"');
  const node = src.int(line.slice(5, comma).trim(), i, 'node');
  const after = line.slice(comma + 1).trimStart();
  if (!after.startsWith('zone ')) src.fail(i, 'expected "zone NAME" after the node');
  const f = fields(after.slice(5));
  if (f.length === 0) src.fail(i, 'missing zone name');
  let zone = f[0];
  const rest = after.slice(5).trimStart().slice(zone.length);
  if (zone.endsWith(',')) {
    zone = zone.slice(0, -1);
  }
  return { node, zone, rest };
}

export function parsePagetypeinfo(text: string, file = 'pagetypeinfo'): PagetypeinfoRecord[] {
  const src: Lines = new Lines(file, text);
  let order: number | undefined;
  let perBlock: number | undefined;
  const records: PagetypeinfoRecord[] = [];
  const byZone = new Map<string, PagetypeinfoRecord>();
  let section: 'free' | 'blocks' | 'mixed' | undefined;
  let columns: string[] = [];
  const zoneRecord = (i: number, node: number, zone: string): PagetypeinfoRecord => {
    const key = `${node}/${zone}`;
    let record = byZone.get(key);
    if (record === undefined) {
      const blockOrder = order;
      const pagesPerBlock = perBlock;
      if (blockOrder === undefined || pagesPerBlock === undefined)
        return src.fail(i, 'missing "Page block order" or "Pages per block" line');
      record = { node, zone, page_block_order: blockOrder, pages_per_block: pagesPerBlock, free_pages: {}, blocks: {} };
      byZone.set(key, record);
      records.push(record);
    }
    return record;
  };
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    if (line.startsWith('Page block order:')) {
      order = src.int(line.slice(17).trim(), i, 'page block order');
    } else if (line.startsWith('Pages per block:')) {
      perBlock = src.int(line.slice(16).trim(), i, 'pages per block');
    } else if (line.startsWith(FREE_HEADER)) {
      section = 'free';
      columns = fields(line.slice(FREE_HEADER.length));
      for (const c of columns) src.int(c, i, 'order');
    } else if (line.startsWith(BLOCKS_HEADER)) {
      section = 'blocks';
      columns = fields(line.slice(BLOCKS_HEADER.length));
    } else if (line.startsWith(MIXED_HEADER)) {
      section = 'mixed';
      columns = fields(line.slice(MIXED_HEADER.length));
    } else if (line.startsWith('Node ')) {
      if (section === undefined) src.fail(i, 'zone line before any table header');
      const { node, zone, rest } = nodeZone(src, i, line);
      if (columns.length === 0) src.fail(i, 'the table header names no columns');
      if (section === 'free') {
        const r = rest.trimStart();
        if (!r.startsWith('type ')) src.fail(i, 'expected "type NAME" after the zone');
        const f = fields(r.slice(5));
        if (f.length !== columns.length + 1) src.fail(i, `expected a type and ${columns.length} counts, found ${f.length} fields`);
        const counts: Record<string, number> = {};
        for (let c = 0; c < columns.length; c++) counts[columns[c]] = src.int(f[c + 1], i, `order ${columns[c]}`);
        zoneRecord(i, node, zone).free_pages[f[0]] = counts;
      } else {
        const f = fields(rest);
        if (f.length !== columns.length) src.fail(i, `expected ${columns.length} counts as the header names, found ${f.length}`);
        const counts: Record<string, number> = {};
        for (let c = 0; c < columns.length; c++) counts[columns[c]] = src.int(f[c], i, columns[c]);
        const record = zoneRecord(i, node, zone);
        if (section === 'blocks') record.blocks = counts;
        else record.mixed_blocks = counts;
      }
    } else {
      src.fail(i, 'unexpected line');
    }
  }
  return records;
}

export const pagetypeinfo = defineHandler<PagetypeinfoRecord>({
  name: 'pagetypeinfo',
  summary: 'free pages per migrate type and order, page blocks per type, by zone',
  parse: parsePagetypeinfo,
});
