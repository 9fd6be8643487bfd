/**
 * /proc/mdstat — Linux software RAID (md) arrays.
 * Kernel: drivers/md/md.c, md_seq_show(), status_resync(), md_bitmap_status() (md-bitmap.c), and each
 *   personality's status() (raid1.c, raid10.c, raid5.c, raid0.c, linear.c).
 * Sample: "md1 : active raid10 sda2[0] sdc2[2] sdb2[1] sdd1[3]"
 *   "      3221222400 blocks super 1.2 512K chunks 2 near-copies [4/4] [UUUU]"
 *   "      [>....................]  recovery =  0.4% (6584832/1564531200) finish=179.4min speed=144658K/sec"
 *   "      bitmap: 12/12 pages [48KB], 65536KB chunk"
 *
 * One record for the file: the personalities, the arrays (with their member
 * devices, size line, resync/recovery progress and bitmap) and the unused
 * devices. Sizes stay in the kernel's units, named in the field: blocks are
 * 1 KiB, `chunk_kb`, `finish_min`, `speed_kb_per_sec`. Status words this
 * parser does not know are kept, in order, in `status_other`.
 */
import { defineHandler } from '../handler';
import { fields, Lines, requireContent } from './helpers';

export interface MdDevice {
  name: string;
  /** The role number in brackets: `sda2[0]` → 0. */
  role: number;
  /** Letters of the flags after it: W (write-mostly), J (journal), F (faulty), S (spare), R (replacement). */
  flags: string[];
}

export interface MdSync {
  /** resync, recovery, reshape, check, repair (as written). */
  action: string;
  /** The progress bar as written: `[==>.....]`. */
  bar?: string;
  percent?: number;
  /** Done and total, in 1 KiB blocks. */
  done?: number;
  total?: number;
  finish_min?: number;
  speed_kb_per_sec?: number;
  /** `resync=DELAYED`, `resync=PENDING`: the state word. */
  state?: string;
}

export interface MdBitmap {
  pages_used: number;
  pages_total: number;
  /** Memory the bitmap takes, KB. */
  memory_kb: number;
  /** Bitmap chunk size and its unit as written (`KB`, or `B`). */
  chunk: number;
  chunk_unit: string;
  /** Backing file of an external bitmap. */
  file?: string;
}

export interface MdArray {
  name: string;
  /** active or inactive. */
  state: string;
  /** `read-only` or `auto-read-only` when written after the state. */
  access?: string;
  /** raid1, raid10, raid5, …; usually absent for an inactive array. */
  personality?: string;
  devices: MdDevice[];
  /** Array size in 1 KiB blocks. */
  blocks?: number;
  /** Superblock version (`1.2`, `external:imsm`, `non-persistent`); absent for the default 0.90. */
  super?: string;
  /** RAID level (raid4/5/6 print `level N`). */
  level?: number;
  chunk_kb?: number;
  /** Layout algorithm (raid5/6). */
  algorithm?: number;
  near_copies?: number;
  far_copies?: number;
  offset_copies?: number;
  /** linear: rounding, KB. */
  rounding_kb?: number;
  /** `[4/3]`: devices the array has and devices working. */
  raid_disks?: number;
  working_disks?: number;
  /** `[UU_U]`: U up, _ down, per role. */
  status?: string;
  status_other?: string[];
  sync?: MdSync;
  bitmap?: MdBitmap;
}

export interface MdstatRecord {
  personalities: string[];
  arrays: MdArray[];
  /** Devices with an md superblock that belong to no array (`<none>` is an empty list). */
  unused_devices: string[];
}

const DEVICE_FLAGS = new Set(['W', 'J', 'F', 'S', 'R']);

function parseDevice(src: Lines, i: number, token: string): MdDevice {
  const open = token.indexOf('[');
  const close = token.indexOf(']', open);
  if (open <= 0 || close < 0) src.fail(i, `expected "NAME[ROLE]" for a member device, found ${JSON.stringify(token)}`);
  const device: MdDevice = { name: token.slice(0, open), role: src.int(token.slice(open + 1, close), i, 'role'), flags: [] };
  let rest = token.slice(close + 1);
  while (rest.length > 0) {
    if (rest.length < 3 || rest[0] !== '(' || rest[2] !== ')' || !DEVICE_FLAGS.has(rest[1])) {
      src.fail(i, `unknown device flag in ${JSON.stringify(token)}`);
    }
    device.flags.push(rest[1]);
    rest = rest.slice(3);
  }
  return device;
}

/** `64k`, `512K` → 64, 512. */
function kb(src: Lines, i: number, token: string | undefined, what: string): number {
  if (token === undefined || !(token.endsWith('k') || token.endsWith('K'))) src.fail(i, `expected ${what} as NNNk`);
  return src.int(token.slice(0, -1), i, what);
}

function parseSizeLine(src: Lines, i: number, array: MdArray, f: string[]): void {
  let t = 0;
  if (f.length >= 2 && f[1] === 'blocks') {
    array.blocks = src.int(f[0], i, 'blocks');
    t = 2;
  }
  if (f[t] === 'super') {
    array.super = src.str(f[t + 1], i, 'super');
    t += 2;
  }
  const other: string[] = [];
  for (; t < f.length; t++) {
    const w = f[t];
    const next = f[t + 1];
    if (w === 'level' && next !== undefined && next.endsWith(',')) {
      array.level = src.int(next.slice(0, -1), i, 'level');
      t++;
    } else if ((next === 'chunks' || next === 'chunk' || next === 'chunk,' || next === 'chunks,') && (w.endsWith('k') || w.endsWith('K'))) {
      array.chunk_kb = kb(src, i, w, 'chunk');
      t++;
    } else if (next === 'rounding' || next === 'rounding,') {
      array.rounding_kb = kb(src, i, w, 'rounding');
      t++;
    } else if (w === 'algorithm' && next !== undefined) {
      array.algorithm = src.int(next, i, 'algorithm');
      t++;
    } else if (next === 'near-copies' || next === 'far-copies' || next === 'offset-copies') {
      const key = next === 'near-copies' ? 'near_copies' : next === 'far-copies' ? 'far_copies' : 'offset_copies';
      array[key] = src.int(w, i, next);
      t++;
    } else if (w.startsWith('[') && w.endsWith(']') && w.indexOf('/') > 0) {
      const slash = w.indexOf('/');
      array.raid_disks = src.int(w.slice(1, slash), i, 'raid disks');
      array.working_disks = src.int(w.slice(slash + 1, -1), i, 'working disks');
    } else if (w.startsWith('[') && w.endsWith(']') && /^\[[U_]*\]$/.test(w)) {
      array.status = w.slice(1, -1);
    } else {
      other.push(w);
    }
  }
  if (other.length > 0) array.status_other = other;
}

function parseSync(src: Lines, i: number, body: string): MdSync {
  // "[==>....]  recovery = 12.0% (189071424/1564531200) finish=110.8min speed=206848K/sec" or "resync=DELAYED"
  let rest = body;
  let bar: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) src.fail(i, 'unterminated progress bar');
    bar = rest.slice(0, close + 1);
    rest = rest.slice(close + 1).trim();
  }
  const eq = rest.indexOf('=');
  if (eq <= 0) src.fail(i, 'expected "ACTION = N% (DONE/TOTAL) …"');
  const action = rest.slice(0, eq).trim();
  const f = fields(rest.slice(eq + 1));
  const sync: MdSync = { action };
  if (bar !== undefined) sync.bar = bar;
  if (f.length === 1 && !f[0].endsWith('%')) {
    sync.state = f[0];
    return sync;
  }
  if (f.length === 0 || !f[0].endsWith('%')) src.fail(i, 'expected a percentage');
  sync.percent = src.float(f[0].slice(0, -1), i, 'percent');
  for (let t = 1; t < f.length; t++) {
    const w = f[t];
    if (w.startsWith('(') && w.endsWith(')')) {
      const slash = w.indexOf('/');
      if (slash < 0) src.fail(i, 'expected "(DONE/TOTAL)"');
      sync.done = src.int(w.slice(1, slash), i, 'done');
      sync.total = src.int(w.slice(slash + 1, -1), i, 'total');
    } else if (w.startsWith('finish=')) {
      if (!w.endsWith('min')) src.fail(i, 'expected "finish=N.Nmin"');
      sync.finish_min = src.float(w.slice(7, -3), i, 'finish');
    } else if (w.startsWith('speed=')) {
      if (!w.endsWith('K/sec')) src.fail(i, 'expected "speed=NK/sec"');
      sync.speed_kb_per_sec = src.int(w.slice(6, -5), i, 'speed');
    } else {
      src.fail(i, `unexpected ${JSON.stringify(w)} in the progress line`);
    }
  }
  return sync;
}

function parseBitmap(src: Lines, i: number, body: string): MdBitmap {
  // "bitmap: 12/12 pages [48KB], 65536KB chunk[, file: PATH]"
  const fileAt = body.indexOf(', file: ');
  const main = fields(fileAt >= 0 ? body.slice(0, fileAt) : body);
  if (main.length !== 5 || main[1] !== 'pages' || main[4] !== 'chunk') src.fail(i, 'expected "bitmap: N/N pages [NKB], N[KB] chunk"');
  const slash = main[0].indexOf('/');
  if (slash <= 0) src.fail(i, 'expected "USED/TOTAL pages"');
  const mem = main[2];
  if (!mem.startsWith('[') || !mem.endsWith('KB],')) src.fail(i, 'expected "[NKB],"');
  const chunkText = main[3];
  let digits = 0;
  while (digits < chunkText.length && chunkText.charCodeAt(digits) >= 48 && chunkText.charCodeAt(digits) <= 57) digits++;
  const bitmap: MdBitmap = {
    pages_used: src.int(main[0].slice(0, slash), i, 'pages used'),
    pages_total: src.int(main[0].slice(slash + 1), i, 'pages total'),
    memory_kb: src.int(mem.slice(1, -4), i, 'bitmap memory'),
    chunk: src.int(chunkText.slice(0, digits), i, 'bitmap chunk'),
    chunk_unit: chunkText.slice(digits),
  };
  if (fileAt >= 0) bitmap.file = body.slice(fileAt + 8).trim();
  return bitmap;
}

export function parseMdstat(text: string, file = 'mdstat'): MdstatRecord[] {
  const src: Lines = new Lines(file, text);
  requireContent(src, 'the "Personalities :" and "unused devices:" lines');
  const record: MdstatRecord = { personalities: [], arrays: [], unused_devices: [] };
  let array: MdArray | undefined;
  let sizeLineSeen = false;
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    if (line.startsWith('Personalities :')) {
      for (const p of fields(line.slice(15))) {
        if (p.length < 3 || p[0] !== '[' || p[p.length - 1] !== ']') src.fail(i, `expected "[personality]", found ${JSON.stringify(p)}`);
        record.personalities.push(p.slice(1, -1));
      }
      array = undefined;
    } else if (line.startsWith('unused devices:')) {
      for (const d of fields(line.slice(15))) if (d !== '<none>') record.unused_devices.push(d);
      array = undefined;
    } else if (line.charCodeAt(0) !== 32 && line.charCodeAt(0) !== 9) {
      // "md0 : active [(read-only)] raid1 sda1[0] sdb1[1]"
      const sep = line.indexOf(' : ');
      if (sep <= 0) src.fail(i, 'expected "mdN : STATE …"');
      const f = fields(line.slice(sep + 3));
      if (f.length === 0 || (f[0] !== 'active' && f[0] !== 'inactive')) src.fail(i, 'expected "active" or "inactive"');
      array = { name: line.slice(0, sep).trim(), state: f[0] } as MdArray;
      let t = 1;
      if (f[t] === '(read-only)' || f[t] === '(auto-read-only)') array.access = f[t++].slice(1, -1);
      // An inactive array may still name its personality (`md4 : inactive raid1 sda3[0](F) sdb3[1](S)`).
      if (t < f.length && f[t].indexOf('[') < 0) array.personality = f[t++];
      const devices: MdDevice[] = [];
      for (; t < f.length; t++) devices.push(parseDevice(src, i, f[t]));
      array.devices = devices;
      record.arrays.push(array);
      sizeLineSeen = false;
    } else {
      if (array === undefined) src.fail(i, 'indented line outside an array');
      const body = line.trim();
      if (body.startsWith('bitmap:')) array.bitmap = parseBitmap(src, i, body.slice(7).trim());
      else if (body.startsWith('[') && body.indexOf('=') > 0 && !sizeLineSeen) src.fail(i, 'progress line before the size line');
      else if (!sizeLineSeen) {
        parseSizeLine(src, i, array, fields(body));
        sizeLineSeen = true;
      } else if (body.startsWith('[') || /^[a-z]+\s*=/.test(body)) array.sync = parseSync(src, i, body);
      else src.fail(i, 'unexpected line in an array');
    }
  }
  return [record];
}

export const mdstat = defineHandler<MdstatRecord>({
  name: 'mdstat',
  summary: 'software RAID arrays: members, size, status, resync progress, bitmap',
  parse: parseMdstat,
});
