/**
 * Format: the mapping line that opens each entry of /proc/<pid>/maps, smaps and smaps_rollup.
 * Kernel: fs/proc/task_mmu.c, show_map_vma().
 * Sample: "55f90bbfb000-55f90bbfc000 r--p 00000000 fe:00 26723    /usr/bin/python3"
 */
import { isHex, type Lines } from '../helpers';

/** One mapping line of maps, smaps and smaps_rollup. */
export interface MappingLine {
  /** Start address, hex as written. */
  start: string;
  /** End address (exclusive), hex as written. */
  end: string;
  /** `rwxp` / `r--s` as written. */
  perms: string;
  /** File offset, hex as written. */
  offset: string;
  /** `major:minor` in hex as written. */
  dev: string;
  inode: number;
  /** File path, `[heap]`, `[stack]`, `[vdso]`, `[anon:name]`…; absent for anonymous mappings. */
  pathname?: string;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * `55f90bbfb000-55f90bbfc000 r--p 00000000 fe:00 26723    /usr/bin/python3`
 * (fs/proc/task_mmu.c, show_map_vma()). The pathname is everything after the
 * padding, spaces included; an anonymous mapping has none.
 */
export function parseMappingLine(src: Lines, i: number, line: string): MappingLine {
  const tokens: string[] = [];
  let pos = 0;
  const n = line.length;
  while (tokens.length < 5) {
    while (pos < n && isSpace(line.charCodeAt(pos))) pos++;
    const begin = pos;
    while (pos < n && !isSpace(line.charCodeAt(pos))) pos++;
    if (begin === pos) src.fail(i, `expected "start-end perms offset dev inode [pathname]", found ${tokens.length} fields`);
    tokens.push(line.slice(begin, pos));
  }
  const [range, perms, offset, dev, inode] = tokens;
  const dash = range.indexOf('-');
  const start = range.slice(0, dash);
  const end = range.slice(dash + 1);
  if (dash <= 0 || !isHex(start) || !isHex(end)) src.fail(i, `address range is not "hex-hex" (${JSON.stringify(range)})`);
  if (perms.length !== 4) src.fail(i, `perms is not four characters (${JSON.stringify(perms)})`);
  if (!isHex(offset)) src.fail(i, `offset is not hexadecimal (${JSON.stringify(offset)})`);
  const colon = dev.indexOf(':');
  if (colon <= 0 || !isHex(dev.slice(0, colon)) || !isHex(dev.slice(colon + 1))) {
    src.fail(i, `dev is not "major:minor" (${JSON.stringify(dev)})`);
  }
  const record: MappingLine = { start, end, perms, offset, dev, inode: src.int(inode, i, 'inode') };
  while (pos < n && isSpace(line.charCodeAt(pos))) pos++;
  if (pos < n) record.pathname = line.slice(pos);
  return record;
}
