/**
 * Shared shapes of /proc files, used by many parsers.
 *
 * Every parser is a pure function `(text, file) => records`. The helpers here
 * cover the recurring layouts — whitespace tables, header-keyed tables,
 * `key: value` lists, per-CPU matrices, paired header/value lines — and the
 * strict number conversions. Nothing here touches the filesystem.
 *
 * Strictness is the point: a token that is not a number where a number must be
 * raises ParseError (file, 1-based line number, line); it never becomes 0.
 *
 * Number rules (one place, for every parser), after what the kernel prints:
 * - `uint`: an unsigned decimal as %u/%lu/%llu print it: digits, no sign, no
 *   leading zero (`0`, `42`; not `+5`, `-7`, `007`, `1e5`, `1.5`).
 * - `int`: a signed decimal as %d/%ld print it: the same with an optional `-`.
 * - `digits`: a zero-padded decimal (%02d, %05lu: `reg00`'s `00`): any digits, no sign.
 * - `float`: a decimal fraction as the kernel writes one by hand
 *   ("%lu.%02lu": `0.55`, `12.0`, `-3.5`); no exponent, no `+`, no leading zero.
 * - `hex`: hexadecimal digits, `0x` optional (zero padding is normal: %08x).
 * No value leaves as a non-finite number: a decimal of 310+ digits (or 256+
 * hexadecimal digits) breaks the rule like any other bad token — a ParseError
 * where a number is due (`… is out of range`), text where the field may be
 * text. Integers past 2^53 become the nearest float64, as Prometheus stores them.
 */
import { ParseError } from '../errors';

const UNSIGNED = /^(0|[1-9]\d*)$/;
const SIGNED = /^(0|-?[1-9]\d*)$/;
const DIGITS = /^\d+$/;
const FLOAT = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const HEX = /^(0[xX])?[0-9a-fA-F]+$/;
const WHITESPACE = /\s+/;

/** Splits text into lines; a final newline does not make an extra empty line. */
export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Whitespace-separated fields of a line, without empty leading/trailing fields. */
export function fields(line: string): string[] {
  // Fast path for the usual ASCII line of spaces and tabs; anything else that
  // \s or trim() may treat as whitespace (\n \v \f \r, non-ASCII) takes the regex path.
  const out: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    while (i < n) {
      const c = line.charCodeAt(i);
      if (c !== 32 && c !== 9) break;
      i++;
    }
    if (i >= n) return out;
    const start = i;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (c === 32 || c === 9) break;
      if ((c >= 10 && c <= 13) || c >= 128) return slowFields(line);
      i++;
    }
    out.push(line.slice(start, i));
  }
}

function slowFields(line: string): string[] {
  const trimmed = line.trim();
  return trimmed === '' ? [] : trimmed.split(WHITESPACE);
}

/** A signed decimal integer as the kernel prints one (`int`'s rule; the value may still be out of range). */
export function isDecimal(token: string): boolean {
  return SIGNED.test(token);
}

export function isHex(token: string): boolean {
  return HEX.test(token);
}

/*
 * The number rules as plain conversions: the value of a token, or undefined
 * when the token breaks the rule or its value is not finite. `Lines.int`,
 * `uint`, `digits`, `float` and `hex` are these plus the error; parsers that
 * keep a non-number token as text (`integerOf(t) ?? t`) or report their own
 * error (net/tcp's row builder) call them directly, so that every number in
 * the project is read by the rules here.
 */

function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

function hexValue(token: string): number {
  return token.length > 2 && (token[1] === 'x' || token[1] === 'X') ? Number(token) : Number.parseInt(token, 16);
}

/** A signed decimal integer (%d), or undefined. */
export function integerOf(token: string): number | undefined {
  return SIGNED.test(token) ? finite(Number(token)) : undefined;
}

/** An unsigned decimal integer (%u, %lu, %llu), or undefined. */
export function unsignedOf(token: string): number | undefined {
  return UNSIGNED.test(token) ? finite(Number(token)) : undefined;
}

/** A zero-padded unsigned decimal (%02d), or undefined. */
export function digitsOf(token: string): number | undefined {
  return DIGITS.test(token) ? finite(Number(token)) : undefined;
}

/** A decimal number, integer or with a fraction, never an exponent, or undefined. */
export function floatOf(token: string): number | undefined {
  return FLOAT.test(token) ? finite(Number(token)) : undefined;
}

/** A hexadecimal number with or without 0x, or undefined. */
export function hexOf(token: string): number | undefined {
  return HEX.test(token) ? finite(hexValue(token)) : undefined;
}

/*
 * integerOf and hexOf of text[start, end), for hot loops over large files
 * (net/tcp's row builder) that would otherwise cut every token out first. The
 * canonical form — plain digits, no sign, no prefix, no leading zero for a
 * decimal, at most 15 decimal or 13 hex digits (exact in a float64) — is read
 * in place: every version of the rules above accepts it with this value. Any
 * other token is cut out and given to integerOf / hexOf, so they decide it.
 */

/** integerOf(text.slice(start, end)). */
export function integerIn(text: string, start: number, end: number): number | undefined {
  const length = end - start;
  if (length > 0 && length <= 15 && (length === 1 || text.charCodeAt(start) !== 48)) {
    let n = 0;
    let i = start;
    for (; i < end; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      n = n * 10 + digit;
    }
    if (i === end) return n;
  }
  return integerOf(text.slice(start, end));
}

/** hexOf(text.slice(start, end)). */
export function hexIn(text: string, start: number, end: number): number | undefined {
  if (end > start && end - start <= 13) {
    let n = 0;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      const digit = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
      if (digit < 0) break;
      n = n * 16 + digit;
    }
    if (i === end) return n;
  }
  return hexOf(text.slice(start, end));
}

/**
 * The lines of one file plus the conversions that report failures against
 * them. `index` arguments are 0-based positions in `lines`; errors print them
 * 1-based.
 */
export class Lines {
  readonly lines: string[];

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.lines = splitLines(text);
  }

  get length(): number {
    return this.lines.length;
  }

  fail(index: number, reason: string): never {
    const line = index >= 0 && index < this.lines.length ? this.lines[index] : '';
    throw new ParseError(this.file, index + 1, line, reason);
  }

  /** A converted token, or a ParseError naming `what`: missing, not of its kind, or out of float64's range. */
  private number(
    token: string | undefined,
    index: number,
    what: string,
    rule: RegExp,
    kind: string,
    convert: (t: string) => number | undefined,
  ): number {
    if (token === undefined) this.fail(index, `missing ${what}`);
    const value = convert(token);
    if (value !== undefined) return value;
    if (rule.test(token)) this.fail(index, `${what} is out of range (${token.length} digits)`);
    this.fail(index, `${what} is not ${kind} (${JSON.stringify(token.length > 40 ? `${token.slice(0, 40)}…` : token)})`);
  }

  /** Signed decimal integer (%d): `-7` yes, `+5`, `007`, `1.5`, `1e5` no; `what` names the field in the error. */
  int(token: string | undefined, index: number, what = 'value'): number {
    return this.number(token, index, what, SIGNED, 'an integer', integerOf);
  }

  /** Unsigned decimal integer (%u, %lu, %llu): what a counter, size or id is. */
  uint(token: string | undefined, index: number, what = 'value'): number {
    return this.number(token, index, what, UNSIGNED, 'an unsigned integer', unsignedOf);
  }

  /** Zero-padded unsigned decimal (%02d, %05lu), for the fields the kernel pads. */
  digits(token: string | undefined, index: number, what = 'value'): number {
    return this.number(token, index, what, DIGITS, 'a decimal number', digitsOf);
  }

  /** Decimal number, integer or with a fraction (`0.55`, `-3.5`), never an exponent. */
  float(token: string | undefined, index: number, what = 'value'): number {
    return this.number(token, index, what, FLOAT, 'a number', floatOf);
  }

  /** Hexadecimal token with or without 0x, as a number. */
  hex(token: string | undefined, index: number, what = 'value'): number {
    return this.number(token, index, what, HEX, 'hexadecimal', hexOf);
  }

  /** Token that must be present, kept as text. */
  str(token: string | undefined, index: number, what = 'value'): string {
    if (token === undefined || token === '') this.fail(index, `missing ${what}`);
    return token;
  }

  /** Fields of line `index`, requiring at least `min` of them. */
  fieldsAt(index: number, min = 0): string[] {
    const f = fields(this.lines[index]);
    if (f.length < min) this.fail(index, `expected at least ${min} fields, found ${f.length}`);
    return f;
  }
}

export type ColumnType = 'int' | 'uint' | 'float' | 'hex' | 'str';
export type ColumnSpec = readonly [name: string, type: ColumnType];
export type Row = Record<string, string | number>;

function convert(src: Lines, type: ColumnType, token: string | undefined, index: number, name: string): string | number {
  switch (type) {
    case 'int':
      return src.int(token, index, name);
    case 'uint':
      return src.uint(token, index, name);
    case 'float':
      return src.float(token, index, name);
    case 'hex':
      return src.hex(token, index, name);
    case 'str':
      return src.str(token, index, name);
  }
}

export interface TableOptions {
  /** Lines to skip at the top (a header the columns already name). */
  skip?: number;
  /** Columns that may be missing (older kernels print fewer); missing ones are absent. */
  optionalFrom?: number;
  /** The only column counts a line may have (each kernel's layout), with the reason for the error. */
  counts?: { allowed: readonly number[]; described: string };
  /** Name for the array of columns past the declared ones; without it extra columns are an error. */
  rest?: string;
  /** Skip blank lines instead of failing on them. */
  skipBlank?: boolean;
}

/**
 * A table of whitespace-separated columns whose meaning is fixed by position
 * (diskstats, partitions, swaps, …). Column names come from the caller.
 */
export function whitespaceTable(src: Lines, columns: readonly ColumnSpec[], options: TableOptions = {}): Row[] {
  const required = options.optionalFrom ?? columns.length;
  const rows: Row[] = [];
  for (let i = options.skip ?? 0; i < src.lines.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0 && options.skipBlank) continue;
    if (f.length < required) src.fail(i, `expected at least ${required} columns, found ${f.length}`);
    if (f.length > columns.length && options.rest === undefined) {
      src.fail(i, `expected at most ${columns.length} columns, found ${f.length}`);
    }
    if (options.counts && !options.counts.allowed.includes(f.length))
      src.fail(i, `expected ${options.counts.described}, found ${f.length}`);
    const row: Row = {};
    const n = Math.min(f.length, columns.length);
    for (let c = 0; c < n; c++) {
      const [name, type] = columns[c];
      row[name] = convert(src, type, f[c], i, name);
    }
    if (options.rest !== undefined && f.length > columns.length) {
      (row as Record<string, unknown>)[options.rest] = f.slice(columns.length);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * A table whose first line names the columns (sysvipc/*, net/unix, …). Values
 * are numbers when the column is listed in `numeric` (decimal) or `hexColumns`;
 * every other column stays text. Columns past the header are an error, and so
 * is a header without a column the caller reads (`required`).
 */
export function headerTable(
  src: Lines,
  options: {
    numeric?: readonly string[];
    hexColumns?: readonly string[];
    required?: readonly string[];
    headerIndex?: number;
    trailingText?: string;
  } = {},
): Row[] {
  const headerIndex = options.headerIndex ?? 0;
  if (src.lines.length <= headerIndex) src.fail(headerIndex, 'missing header line');
  const header = fields(src.lines[headerIndex]);
  if (header.some((name) => !/^[\x21-\x7e]+$/.test(name))) src.fail(headerIndex, 'header names must be printable ASCII');
  for (const name of options.required ?? [])
    if (!header.includes(name)) src.fail(headerIndex, `expected a column named ${name} in the header`);
  const numeric = new Set(options.numeric ?? []);
  const hexColumns = new Set(options.hexColumns ?? []);
  const rows: Row[] = [];
  for (let i = headerIndex + 1; i < src.lines.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    const last = options.trailingText;
    if (f.length < header.length - (last !== undefined ? 1 : 0)) {
      src.fail(i, `expected ${header.length} columns as the header names, found ${f.length}`);
    }
    if (f.length > header.length && last === undefined) {
      src.fail(i, `expected ${header.length} columns as the header names, found ${f.length}`);
    }
    const row: Row = {};
    for (let c = 0; c < header.length; c++) {
      const name = header[c];
      if (last !== undefined && name === last) {
        if (c < f.length) row[name] = f.slice(c).join(' ');
        break;
      }
      const token = f[c];
      row[name] = numeric.has(name) ? src.int(token, i, name) : hexColumns.has(name) ? src.hex(token, i, name) : src.str(token, i, name);
    }
    rows.push(row);
  }
  return rows;
}

export interface KeyValueRecord {
  name: string;
  value: number;
  unit?: string;
}

/**
 * `Key: value [unit]` lines with integer values (meminfo, pid/io): `int`
 * (signed) by default, `uint` where the kernel prints unsigned values. The
 * unit, when written, is kept in `unit` (no conversion).
 */
export function keyValueNumbers(src: Lines, separator = ':', kind: 'int' | 'uint' = 'int'): KeyValueRecord[] {
  const records: KeyValueRecord[] = [];
  for (let i = 0; i < src.lines.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const at = line.indexOf(separator);
    if (at <= 0) src.fail(i, `expected "name${separator} value"`);
    const name = line.slice(0, at).trim();
    const rest = fields(line.slice(at + separator.length));
    if (rest.length === 0 || rest.length > 2) src.fail(i, 'expected a value and an optional unit');
    const record: KeyValueRecord = { name, value: kind === 'uint' ? src.uint(rest[0], i, name) : src.int(rest[0], i, name) };
    if (rest.length === 2) record.unit = rest[1];
    records.push(record);
  }
  return records;
}

/** `Key: text` lines kept as text, in order; a repeated key keeps every value. */
export function keyValueText(src: Lines, separator = ':'): { name: string; value: string }[] {
  const records: { name: string; value: string }[] = [];
  for (let i = 0; i < src.lines.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const at = line.indexOf(separator);
    if (at <= 0) src.fail(i, `expected "name${separator} value"`);
    records.push({ name: line.slice(0, at).trim(), value: line.slice(at + separator.length).trim() });
  }
  return records;
}

/** One row of a per-CPU matrix: the values keyed by the header's CPU names. */
export interface PerCpuRow {
  name: string;
  cpus: Record<string, number>;
  /** Text after the per-CPU counts (interrupts: chip, hwirq, type, devices). */
  info?: string;
}

/**
 * Files whose first line names CPUs (`CPU0 CPU1 …`) and whose rows are
 * `NAME: count count … [text]` (softirqs, interrupts). Offline CPUs are simply
 * absent from the header, so values are keyed by the header's names, never
 * by position. Every row has one unsigned count per CPU, in order: a token
 * that is not a count where one is due, or a row that ends early, is a
 * ParseError (never a count shifted onto the next CPU). The one exception,
 * with `allowSingleTotal`, is a row of exactly one count and nothing else
 * (interrupts' ERR and MIS totals), kept under the first CPU's name.
 */
export function perCpuMatrix(src: Lines, options: { allowSingleTotal?: boolean; allowInfo?: boolean } = {}): PerCpuRow[] {
  if (src.lines.length === 0) return [];
  const cpus = fields(src.lines[0]);
  if (cpus.length === 0) src.fail(0, 'missing CPU names in header line');
  const rows: PerCpuRow[] = [];
  for (let i = 1; i < src.lines.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) src.fail(i, 'expected "NAME: counts"');
    const name = line.slice(0, colon).trim();
    const f = fields(line.slice(colon + 1));
    const counts: Record<string, number> = {};
    if (f.length === 0) src.fail(i, 'expected at least one count');
    const single = options.allowSingleTotal === true && f.length === 1;
    const due = single ? 1 : cpus.length;
    for (let c = 0; c < due; c++) {
      const token = f[c];
      // A zero-padded or huge number is a count gone wrong (uint says how); other text is where a count is missing.
      if (token === undefined || !DIGITS.test(token)) {
        if (c === 0) src.fail(i, 'expected at least one count');
        const found =
          token === undefined ? 'and the row ends' : `before ${JSON.stringify(token.length > 40 ? `${token.slice(0, 40)}…` : token)}`;
        src.fail(i, `expected ${cpus.length} per-CPU counts, found ${c} ${found}`);
      }
      counts[cpus[c]] = src.uint(token, i, `${cpus[c]} count`);
    }
    const row: PerCpuRow = { name, cpus: counts };
    if (due < f.length) {
      if (!options.allowInfo) src.fail(i, `unexpected text after the per-CPU counts`);
      row.info = f.slice(due).join(' ');
    }
    rows.push(row);
  }
  return rows;
}

/** One protocol of a paired-lines file: `Tcp: RtoAlgorithm …` then `Tcp: 1 …`. */
export interface ProtocolCounters {
  protocol: string;
  counters: Record<string, number>;
}

/**
 * net/snmp and net/netstat: each protocol is a header line of names followed
 * by a line of values with the same prefix. Names and values must pair up.
 */
export function pairedHeaderLines(src: Lines): ProtocolCounters[] {
  const records: ProtocolCounters[] = [];
  for (let i = 0; i < src.lines.length; i++) {
    if (src.lines[i].trim() === '') continue;
    const header = fields(src.lines[i]);
    if (i + 1 >= src.lines.length) src.fail(i, 'header line without a value line');
    const values = fields(src.lines[i + 1]);
    const protocol = header[0];
    if (!protocol.endsWith(':')) src.fail(i, 'expected "Protocol: names…"');
    if (values[0] !== protocol) src.fail(i + 1, `expected the values of ${protocol.slice(0, -1)}`);
    if (values.length !== header.length) {
      src.fail(i + 1, `${header.length - 1} names but ${values.length - 1} values`);
    }
    const counters: Record<string, number> = {};
    for (let c = 1; c < header.length; c++) counters[header[c]] = src.int(values[c], i + 1, header[c]);
    records.push({ protocol: protocol.slice(0, -1), counters });
    i++;
  }
  return records;
}

/** `name value` lines (snmp6, dev_snmp6, vmstat) as one record per line. */
export function nameValueLines(src: Lines): { name: string; value: number }[] {
  const records: { name: string; value: number }[] = [];
  for (let i = 0; i < src.lines.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== 2) src.fail(i, `expected "name value", found ${f.length} fields`);
    records.push({ name: f[0], value: src.int(f[1], i, f[0]) });
  }
  return records;
}

/**
 * The first `count` whitespace-separated tokens of a line and the rest of the
 * line as written (inner spacing kept, ends trimmed): for rows whose last
 * column is free text (keys' description, fb's id, devices' names).
 * `head` is shorter than `count` when the line has fewer tokens; the caller decides.
 */
export function splitHead(line: string, count: number): { head: string[]; rest: string } {
  const head: string[] = [];
  let i = 0;
  const n = line.length;
  while (head.length < count) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && line[i] !== ' ' && line[i] !== '\t') i++;
    head.push(line.slice(start, i));
  }
  return { head, rest: line.slice(i).trim() };
}

/**
 * For a file the kernel always writes something into (a header, or values
 * whatever the machine's state): an empty one is a ParseError, not "no
 * records" — a collector reading it fails (node_exporter's fails too)
 * instead of succeeding without series. `what` names what is missing.
 */
export function requireContent(src: Lines, what: string): void {
  if (src.lines.every((line) => line.trim() === '')) src.fail(0, `empty file (the kernel always prints ${what})`);
}

/** A file holding one integer on one line (sysctls printed by proc_dointvec): `[{ value }]`, or [] when empty. */
export function singleInteger(src: Lines): { value: number }[] {
  if (src.length === 0) return [];
  if (src.length > 1) src.fail(1, 'expected one line');
  const f = fields(src.lines[0]);
  if (f.length !== 1) src.fail(0, `expected one number, found ${f.length} fields`);
  return [{ value: src.int(f[0], 0, 'value') }];
}

/**
 * The one line of a single-value file, or undefined when the file is empty.
 * Some of these files end without a newline (pid/loginuid, sessionid, wchan).
 */
export function oneLine(src: Lines): string | undefined {
  if (src.length === 0) return undefined;
  if (src.length > 1) src.fail(1, `expected one line, found ${src.length}`);
  return src.lines[0];
}

/** The last segment of a path (`/proc/1/fd/3` → `3`). */
export function baseName(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? file : file.slice(slash + 1);
}

/** The file name as a number when it is one (`fd/3`, `fdinfo/3`), else undefined. */
export function numericName(file: string): number | undefined {
  return integerOf(baseName(file));
}

/** Names of the set bits, unknown bits as one hex value. */
export function decodeFlags(bits: number, table: readonly (readonly [number, string, string])[]): string[] {
  const names: string[] = [];
  let rest = bits;
  for (const [bit, , name] of table) {
    if ((bits & bit) !== 0) {
      names.push(name);
      rest &= ~bit;
    }
  }
  if (rest !== 0) names.push(`0x${(rest >>> 0).toString(16)}`);
  return names;
}

const INT64_MAX = (1n << 63n) - 1n;

/**
 * A token as Go's strconv.ParseInt(token, 0, 64) reads it, or undefined: `0x`
 * hexadecimal, `0o` or a leading `0` octal, `0b` binary, `_` between digits,
 * within int64. Not the project's integer rule: the sysctl collector reads
 * the files node_exporter's (prometheus/procfs SysctlInts) reads, as it does.
 */
export function goIntegerOf(field: string): number | undefined {
  const sign = field.startsWith('-') ? -1n : 1n;
  let digits = field.startsWith('-') || field.startsWith('+') ? field.slice(1) : field;
  let base = 10;
  let prefixed = false;
  const prefix = digits.slice(0, 2).toLowerCase();
  if (prefix === '0x' || prefix === '0o' || prefix === '0b') {
    base = prefix === '0x' ? 16 : prefix === '0o' ? 8 : 2;
    digits = digits.slice(2);
    prefixed = true;
  } else if (digits.length > 1 && digits.startsWith('0')) {
    base = 8;
    digits = digits.slice(1);
    prefixed = true;
  }
  const digit = base === 16 ? '[0-9a-fA-F]' : base === 8 ? '[0-7]' : base === 2 ? '[01]' : '[0-9]';
  // Underscores only between digits, or right after a base prefix.
  if (!new RegExp(`^${prefixed ? '_?' : ''}${digit}+(_${digit}+)*$`).test(digits)) return undefined;
  const magnitude = BigInt(`${base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : ''}${digits.replace(/_/g, '')}`);
  const value = sign * magnitude;
  if (value > INT64_MAX || value < -INT64_MAX - 1n) return undefined;
  return Number(value);
}
