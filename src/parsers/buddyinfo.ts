/**
 * /proc/buddyinfo — free memory blocks per node, zone and order.
 * Kernel: mm/vmstat.c, frag_show_print() ("Node %d, zone %8s " then "%6lu " per order).
 * Sample: "Node 0, zone      DMA      1      0      1      0      1      1      1      0      1      1      3 "
 *
 * `free_blocks_by_order[n]` is the number of free blocks of 2^n pages (index = order).
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface BuddyinfoRecord {
  node: number;
  zone: string;
  free_blocks_by_order: number[];
}

export function parseBuddyinfo(text: string, file = 'buddyinfo'): BuddyinfoRecord[] {
  const src = new Lines(file, text);
  const records: BuddyinfoRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f[0] !== 'Node' || !f[1]?.endsWith(',') || f[2] !== 'zone') src.fail(i, 'expected "Node N, zone NAME counts…"');
    if (f.length < 5) src.fail(i, 'expected at least one free-block count');
    const counts = new Array<number>(f.length - 4);
    for (let c = 4; c < f.length; c++) counts[c - 4] = src.int(f[c], i, `order ${c - 4}`);
    records.push({ node: src.int(f[1].slice(0, -1), i, 'node'), zone: f[3], free_blocks_by_order: counts });
  }
  return records;
}

export const buddyinfo = defineHandler<BuddyinfoRecord>({
  name: 'buddyinfo',
  summary: 'free memory blocks per node, zone and order',
  parse: parseBuddyinfo,
});
