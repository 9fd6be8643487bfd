/**
 * Format: the layouts of OpenZFS's kstats under /proc/spl/kstat/zfs, shared by the
 * named-kstat files (arcstats, zil, …) and the per-pool files (pool/io, pool/objset).
 * Module: openzfs module/os/linux/spl/spl-kstat.c, kstat_seq_show_headers(),
 *   kstat_seq_show_named(), kstat_seq_show_io() (the SPL's Solaris-style kstats).
 * Sample: "6 1 0x01 91 4368 5266997922 97951858082072"   (kid type flags ndata data_size crtime snaptime)
 *         "name                            type data"
 *         "hits                            4    8772612"
 *
 * Every kstat file but a headerless raw one starts with the kstat header
 * line: its id, type (0 raw, 1 named, 3 io), flags, number of data records,
 * data size and creation/snapshot times in ns. The header line is checked and
 * not returned (the times change at every read). A named kstat then has the
 * `name type data` header and one `NAME TYPE VALUE` row per statistic, the
 * type being KSTAT_DATA_* of lib/libspl/include/sys/kstat.h: 0 char, 1 int32,
 * 2 uint32, 3 int64, 4 uint64, 5 long, 6 ulong, 7 string.
 */
import { defineHandler, type Handler } from '../../handler';
import { fields, Lines, splitHead } from '../helpers';

export interface KstatNamedRecord {
  name: string;
  /** KSTAT_DATA_*: 0 char, 1 int32, 2 uint32, 3 int64, 4 uint64, 5 long, 6 ulong, 7 string. */
  type: number;
  /** A number for the integer types (1–6), the text for char and string (0, 7). */
  value: number | string;
}

const KSTAT_HEADER = /^\d+ \d+ 0x[0-9a-f]{2} \d+ \d+ -?\d+ -?\d+$/;

/** Checks the kstat header line (line 1) and that its type is `type`. */
export function checkKstatHeader(src: Lines, type: number): void {
  const line = src.lines[0];
  if (!KSTAT_HEADER.test(fields(line).join(' '))) src.fail(0, 'expected the kstat header "KID TYPE FLAGS NDATA SIZE CRTIME SNAPTIME"');
  const found = src.int(fields(line)[1], 0, 'type');
  if (found !== type) src.fail(0, `expected a kstat of type ${type}, found type ${found}`);
}

/** A named kstat (type 1): the rows after the `name type data` header. */
export function kstatNamed(src: Lines): KstatNamedRecord[] {
  if (src.length === 0) return [];
  checkKstatHeader(src, 1);
  if (src.length < 2 || fields(src.lines[1]).join(' ') !== 'name type data') src.fail(1, 'expected the header "name type data"');
  const records: KstatNamedRecord[] = [];
  for (let i = 2; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const { head, rest } = splitHead(line, 2);
    if (head.length < 2) src.fail(i, 'expected "NAME TYPE VALUE"');
    const type = src.int(head[1], i, 'type');
    if (type < 0 || type > 7) src.fail(i, `unknown kstat data type ${type}`);
    const value = type === 0 || type === 7 ? rest : src.int(rest, i, head[0]);
    records.push({ name: head[0], type, value });
  }
  return records;
}

/** An io kstat (type 3): the one row of the columns its header names (nread, nwritten, reads, …). */
export function kstatIo(src: Lines): Record<string, number>[] {
  if (src.length === 0) return [];
  checkKstatHeader(src, 3);
  if (src.length !== 3) src.fail(Math.min(src.length, 3) - 1, `expected the header and one line of values, found ${src.length - 1} lines`);
  const names = fields(src.lines[1]);
  if (names[0] !== 'nread') src.fail(1, 'expected the column header "nread nwritten reads writes …"');
  const values = fields(src.lines[2]);
  if (values.length !== names.length) src.fail(2, `${names.length} columns but ${values.length} values`);
  const record: Record<string, number> = {};
  names.forEach((name, c) => (record[name] = src.int(values[c], 2, name)));
  return [record];
}

export function parseKstatNamedFile(text: string, file: string): KstatNamedRecord[] {
  return kstatNamed(new Lines(file, text));
}

/** The handler of a module-wide named kstat; `name` is its path under /proc. */
export function namedKstatHandler(name: string, summary: string): Handler<KstatNamedRecord> {
  return defineHandler<KstatNamedRecord>({ name, summary, parse: (text, file) => parseKstatNamedFile(text, file ?? name) });
}
