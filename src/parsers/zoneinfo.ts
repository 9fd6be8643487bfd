/**
 * /proc/zoneinfo — memory zones per NUMA node: watermarks, counters, per-CPU pagesets.
 * Kernel: mm/vmstat.c, zoneinfo_show_print() (and the node's "per-node stats" before its first zone).
 * Sample: "Node 0, zone   Normal" then "  pages free     131830", "        min      2943", …,
 *   "        protection: (0, 0, 0, 0, 0)", "      nr_free_pages 131830", "  pagesets", "    cpu: 0",
 *   "              count:    813", "  vm stats threshold: 16", "  node_unreclaimable:  0", "  start_pfn: 1048576"
 *
 * One record per node and zone. Every `name value` line is kept under the
 * kernel's name: the watermark block (`pages free`, min, low, …, indented 8)
 * in `pages`, the zone counters (indented 4 on 3.2, 6 on 6.x) in `stats`,
 * the node counters in `per_node_stats` (6.x, first zone of a node only),
 * each CPU's pageset in `pagesets` with its `vm stats threshold`, and the
 * trailing `name: value` lines (start_pfn, …) at the top level or, for names
 * this parser does not know, in `other`. All values are counts of pages
 * unless the name says otherwise.
 */
import { defineHandler } from '../handler';
import { fields, isDecimal, Lines } from './helpers';

export interface ZonePageset {
  cpu: number;
  /** count, high, batch (and high_min, high_max on 6.x): pages. */
  [name: string]: number;
}

export interface ZoneinfoRecord {
  node: number;
  zone: string;
  /** The node's counters (6.x prints them under the node's first zone). */
  per_node_stats?: Record<string, number>;
  /** `pages free` and the watermark block: free, boost, min, low, high, promo, scanned, spanned, present, managed, cma. */
  pages: Record<string, number>;
  /** lowmem_reserve per higher zone: `protection: (0, 3018, 3658)`. */
  protection?: number[];
  /** The zone's vmstat counters (nr_free_pages, …, numa_hit, …). */
  stats: Record<string, number>;
  pagesets?: ZonePageset[];
  node_unreclaimable?: number;
  all_unreclaimable?: number;
  start_pfn?: number;
  inactive_ratio?: number;
  /** Other `name: value` lines of the zone a kernel adds. */
  other?: Record<string, number>;
}

const ZONE_FIELDS = new Set(['node_unreclaimable', 'all_unreclaimable', 'start_pfn', 'inactive_ratio']);

type Section = 'none' | 'per-node' | 'pages' | 'pagesets';

export function parseZoneinfo(text: string, file = 'zoneinfo'): ZoneinfoRecord[] {
  const src: Lines = new Lines(file, text);
  const records: ZoneinfoRecord[] = [];
  let zone: ZoneinfoRecord | undefined;
  let section: Section = 'none';
  let pageset: ZonePageset | undefined;
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    if (line.startsWith('Node ')) {
      const comma = line.indexOf(', zone ');
      if (comma < 0) src.fail(i, 'expected "Node N, zone NAME"');
      const zoneName = line.slice(comma + 7).trim();
      if (zoneName === '') src.fail(i, 'missing zone name');
      zone = { node: src.int(line.slice(5, comma).trim(), i, 'node'), zone: zoneName, pages: {}, stats: {} };
      records.push(zone);
      section = 'none';
      pageset = undefined;
      continue;
    }
    if (zone === undefined) src.fail(i, 'expected "Node N, zone NAME" first');
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    const body = line.slice(indent);
    if (indent === 2 && body === 'per-node stats') {
      zone.per_node_stats = {};
      section = 'per-node';
      continue;
    }
    if (indent === 2 && body === 'pagesets') {
      zone.pagesets = [];
      section = 'pagesets';
      continue;
    }
    if (indent === 2 && body.startsWith('pages free')) {
      zone.pages.free = src.int(fields(body)[2], i, 'pages free');
      section = 'pages';
      continue;
    }
    const colon = body.indexOf(':');
    if (colon > 0) {
      const name = body.slice(0, colon);
      const value = body.slice(colon + 1).trim();
      if (name === 'protection') {
        if (!value.startsWith('(') || !value.endsWith(')')) src.fail(i, 'expected "protection: (N, N, …)"');
        zone.protection = value
          .slice(1, -1)
          .split(',')
          .map((v) => src.int(v.trim(), i, 'protection'));
        continue;
      }
      if (section === 'pagesets' && name === 'cpu') {
        pageset = { cpu: src.int(value, i, 'cpu') };
        zone.pagesets!.push(pageset);
        continue;
      }
      if (section === 'pagesets' && name === 'vm stats threshold') {
        if (pageset === undefined) src.fail(i, 'vm stats threshold before any "cpu:" line');
        pageset.vm_stats_threshold = src.int(value, i, name);
        continue;
      }
      if (section === 'pagesets' && indent > 4) {
        if (pageset === undefined) src.fail(i, 'pageset value before any "cpu:" line');
        pageset[name] = src.int(value, i, name);
        continue;
      }
      if (indent === 2) {
        section = 'none';
        if (ZONE_FIELDS.has(name)) (zone as unknown as Record<string, number>)[name] = src.int(value, i, name);
        else (zone.other ??= {})[name] = src.int(value, i, name);
        continue;
      }
      src.fail(i, `unexpected "name: value" line here`);
    }
    const f = fields(body);
    if (f.length !== 2 || !isDecimal(f[1])) src.fail(i, 'expected "name value"');
    const value = src.int(f[1], i, f[0]);
    if (section === 'per-node') zone.per_node_stats![f[0]] = value;
    else if (section === 'pages') {
      if (indent >= 8) zone.pages[f[0]] = value;
      else zone.stats[f[0]] = value;
    } else src.fail(i, 'counter outside a "pages free" or "per-node stats" block');
  }
  return records;
}

export const zoneinfo = defineHandler<ZoneinfoRecord>({
  name: 'zoneinfo',
  summary: 'memory zones per node: watermarks, counters, per-CPU pagesets',
  parse: parseZoneinfo,
});
