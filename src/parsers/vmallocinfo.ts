/**
 * /proc/vmallocinfo — the kernel's vmalloc'ed areas.
 * Kernel: mm/vmalloc.c, vmalloc_info_show() (and show_purge_info(), vmap areas without a vm_struct):
 *   "0x%pK-0x%pK %7ld" then " %pS" caller, " pages=%d", " phys=%pa", flag words
 *   (ioremap, sparse, vmalloc, vmap, user, dma-coherent, vpages) and " N%u=%u" per NUMA node.
 * Sample: "0xffffc9000000d000-0xffffc9000001e000   69632 alloc_large_system_hash+0x14b/0x215 pages=16 vmalloc N0=16"
 *
 * Readable by root only. Areas that are not backed by a vm_struct print
 * `unpurged vm_area` or `vm_map_ram` in place of a caller: those are flags.
 */
import { defineHandler } from '../handler';
import { fields, integerOf, isDecimal, isHex, Lines } from './helpers';

export interface VmallocinfoRecord {
  /** Range start and end (exclusive) as written, with 0x. */
  start: string;
  end: string;
  /** Bytes, including the guard page. */
  size: number;
  /** The allocating function as `symbol+0xoff/0xlen` (or a raw address). */
  caller?: string;
  /** Module of the caller, from `[module]` after the symbol. */
  module?: string;
  /** Number of pages (`pages=`). */
  pages?: number;
  /** Physical address of an ioremap (`phys=`), as written. */
  phys?: string;
  /** Pages per NUMA node: `{N0: 16}`. */
  nodes?: Record<string, number>;
  /** Flag words in order: vmalloc, ioremap, vmap, user, vpages, dma-coherent, sparse, unpurged, vm_area, vm_map_ram. */
  flags: string[];
  /** `key=value` pairs a newer kernel adds (numbers when decimal). */
  other?: Record<string, string | number>;
}

const FLAG_WORDS = new Set(['ioremap', 'sparse', 'vmalloc', 'vmap', 'user', 'dma-coherent', 'vpages', 'unpurged', 'vm_area', 'vm_map_ram']);

export function parseVmallocinfo(text: string, file = 'vmallocinfo'): VmallocinfoRecord[] {
  const src = new Lines(file, text);
  const records: VmallocinfoRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length < 2) src.fail(i, 'expected "START-END SIZE …"');
    const dash = f[0].indexOf('-');
    if (dash <= 0) src.fail(i, 'expected an address range "START-END"');
    const start = f[0].slice(0, dash);
    const end = f[0].slice(dash + 1);
    if (!start.startsWith('0x') || !isHex(start) || !end.startsWith('0x') || !isHex(end)) src.fail(i, 'address range is not hexadecimal');
    const record = { start, end, size: src.int(f[1], i, 'size') } as VmallocinfoRecord;
    const flags: string[] = [];
    let t = 2;
    if (t < f.length && f[t].indexOf('=') < 0 && !FLAG_WORDS.has(f[t])) {
      record.caller = f[t++];
      if (t < f.length && f[t].startsWith('[')) {
        if (!f[t].endsWith(']') || f[t].length < 3) src.fail(i, `expected "[module]" after the caller`);
        record.module = f[t++].slice(1, -1);
      }
    }
    for (; t < f.length; t++) {
      const token = f[t];
      const eq = token.indexOf('=');
      if (eq < 0) {
        flags.push(token);
        continue;
      }
      const key = token.slice(0, eq);
      const value = token.slice(eq + 1);
      if (key === 'pages') record.pages = src.int(value, i, 'pages');
      else if (key === 'phys') {
        if (!isHex(value)) src.fail(i, `phys is not hexadecimal (${JSON.stringify(value)})`);
        record.phys = value;
      } else if (key.length > 1 && key[0] === 'N' && isDecimal(key.slice(1))) {
        (record.nodes ??= {})[key] = src.int(value, i, key);
      } else if (key === '') {
        src.fail(i, `expected "key=value", found ${JSON.stringify(token)}`);
      } else {
        (record.other ??= {})[key] = integerOf(value) ?? value;
      }
    }
    record.flags = flags;
    records.push(record);
  }
  return records;
}

export const vmallocinfo = defineHandler<VmallocinfoRecord>({
  name: 'vmallocinfo',
  summary: 'vmalloc areas: range, size, caller, pages, flags',
  parse: parseVmallocinfo,
});
