/**
 * Parsing a named file or a text: the shared entry point of the commands, the
 * exporter's /dump and the library; and parsing that keeps going past bad
 * records (the exporter's collectors, the commands' --keep-going).
 */
import * as path from 'path';
import { ParseError, ProcessGoneError, ReadError, RefusedError, UnknownFileError } from './errors';
import type { Handler } from './handler';
import { describeReadError, entryExists, isGone, isNothingToShow, pathExists, readLink, readProcFile } from './procfs';
import { getHandler, handlers } from './registry';
import { resolveHandler } from './resolve';

export interface ParseResult {
  source: string;
  handler: string;
  records: object[];
}

/** The handler for a path, or for an explicit `--as` name. */
export function chooseHandler(file: string, as?: string): Handler<object> {
  if (as !== undefined) {
    const handler = getHandler(as);
    if (!handler) throw new Error(`unknown handler ${JSON.stringify(as)} (--list shows the names)`);
    return handler;
  }
  const handler = resolveHandler(file, handlers);
  if (!handler) throw new UnknownFileError(file);
  return handler;
}

/** The process id a per-process path names, if any (`/proc/123/status` → "123"). */
function processOf(file: string): string | undefined {
  const match = /(?:^|\/)(\d+)(?:\/task\/(\d+))?\/[^/]+(?:\/[^/]+)?$/.exec(file);
  return match ? (match[2] ?? match[1]) : undefined;
}

/** Why a file that is there has nothing to show (the commands' stderr note). */
function nothingToShowReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ESRCH') return 'no such process: a kernel thread has none, or the process is exiting';
  if (code === 'EINVAL') return 'invalid argument: not available on this kernel or configuration';
  return describeReadError(error);
}

/**
 * Reads the file the way its handler needs (text or link target); a FIFO, socket or device is
 * refused, a huge file stops at the bound; undefined when the file is there but has nothing to
 * show (`onUnreadable` hears why).
 */
export function readForHandler(file: string, handler: Handler<object>, onUnreadable?: (reason: string) => void): string | undefined {
  if (handler.refuse !== undefined) throw new RefusedError(file, handler.refuse);
  try {
    return handler.source === 'link' ? readLink(file) : readProcFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A saved copy of a link (a regular file holding the target) reads as its text.
    if (code === 'EINVAL' && handler.source === 'link') return readProcFile(file).replace(/\n$/, '');
    const pid = processOf(file);
    if (isGone(error) && pid !== undefined && !pathExists(path.dirname(file))) throw new ProcessGoneError(file, pid);
    if (isNothingToShow(error)) {
      onUnreadable?.(nothingToShowReason(error));
      return undefined;
    }
    // A kernel thread's exe: the link is listed but has no target.
    if (isGone(error) && handler.source === 'link' && entryExists(file)) return undefined;
    throw new ReadError(file, describeReadError(error));
  }
}

/** Parsing options: by default the first bad line fails the whole file (ParseError). */
export interface ParseOptions {
  /** Keep going past bad records where the handler allows it (RECOVERY): each one skipped is given here. */
  keepGoing?: (skipped: ParseError) => void;
  /** Why a file that is there gave nothing to show (permission, a kernel thread): the commands' stderr note. */
  onUnreadable?: (reason: string) => void;
}

function parseWith(handler: Handler<object>, text: string, file: string, options: ParseOptions): object[] {
  if (options.keepGoing === undefined) return handler.parse(text, file);
  const { records, skipped } = parseKeepingGoing(handler, text, file);
  for (const error of skipped) options.keepGoing(error);
  return records;
}

/**
 * Parses one file. A file the caller may not read (root-only files, another
 * user's process) gives an empty record list, as the seed does; `onUnreadable`
 * hears why.
 */
export function parseFile(file: string, as?: string, options: ParseOptions = {}): ParseResult {
  const handler = chooseHandler(file, as);
  const text = readForHandler(file, handler, options.onUnreadable);
  const records = text === undefined ? [] : parseWith(handler, text, file, options);
  return { source: file, handler: handler.name, records };
}

/** Parses text already in hand (standard input, a fixture) with a named handler. */
export function parseText(text: string, as: string, source = '-', options: ParseOptions = {}): ParseResult {
  const handler = chooseHandler(source, as);
  if (handler.refuse !== undefined) throw new RefusedError(source, handler.refuse);
  return { source, handler: handler.name, records: parseWith(handler, text, source, options) };
}

/**
 * What a handler's file can lose and keep the rest: the record a bad line
 * belongs to. Only files listed here degrade; any other file fails whole on
 * its first bad line, because dropping a line could change what the lines
 * after it mean: a header, a row numbered by its position (softnet_stat
 * before 5.10, net/stat/*), a line that belongs to the one above it
 * (schedstat's domains), entries paired by position with another file's
 * (mountinfo with mountstats).
 */
export type Recovery =
  /** Each line after `header` structural lines is a record (or a field) of its own; a bad header fails the file. */
  | { unit: 'line'; header?: number }
  /** A record is a line and the indented lines below it (mdstat's arrays, zoneinfo's zones). */
  | { unit: 'indented-block' }
  /** Records are separated by blank lines (cpuinfo's processors). */
  | { unit: 'paragraph' }
  /** A record is a line of names and the line of values after it (net/snmp, net/netstat). */
  | { unit: 'pair' };

/** The handlers that degrade, by name (the files the collectors read, where a record stands on its own). */
export const RECOVERY: Readonly<Record<string, Recovery>> = {
  buddyinfo: { unit: 'line' },
  cgroups: { unit: 'line', header: 1 },
  cpuinfo: { unit: 'paragraph' },
  diskstats: { unit: 'line' },
  interrupts: { unit: 'line', header: 1 },
  mdstat: { unit: 'indented-block' },
  meminfo: { unit: 'line' },
  'net/arp': { unit: 'line', header: 1 },
  'net/dev': { unit: 'line', header: 2 },
  'net/netstat': { unit: 'pair' },
  'net/rpc/nfs': { unit: 'line' },
  'net/rpc/nfsd': { unit: 'line' },
  'net/snmp': { unit: 'pair' },
  'net/snmp6': { unit: 'line' },
  'net/sockstat': { unit: 'line' },
  'net/sockstat6': { unit: 'line' },
  'net/tcp': { unit: 'line', header: 1 },
  'net/tcp6': { unit: 'line', header: 1 },
  'net/udp': { unit: 'line', header: 1 },
  'net/udp6': { unit: 'line', header: 1 },
  'net/xfrm_stat': { unit: 'line' },
  'pressure/cpu': { unit: 'line' },
  'pressure/io': { unit: 'line' },
  'pressure/irq': { unit: 'line' },
  'pressure/memory': { unit: 'line' },
  slabinfo: { unit: 'line', header: 2 },
  softirqs: { unit: 'line', header: 1 },
  stat: { unit: 'line', header: 1 },
  vmstat: { unit: 'line' },
  zoneinfo: { unit: 'indented-block' },
};

/** At most this many records are skipped in one file: past it the file is taken as broken, not as a few bad records. */
export const MAX_SKIPPED = 16;

export interface KeptGoing {
  records: object[];
  /** The ParseErrors of the records left out, with their line numbers in the file as read. */
  skipped: ParseError[];
}

function isIndented(line: string): boolean {
  return line.startsWith(' ') || line.startsWith('\t');
}

/** The lines [from, to) of the record that line `at` belongs to, or undefined when it is structural (a header). */
function recordRange(recovery: Recovery, lines: readonly string[], at: number): { from: number; to: number } | undefined {
  switch (recovery.unit) {
    case 'line':
      return at < (recovery.header ?? 0) ? undefined : { from: at, to: at + 1 };
    case 'indented-block': {
      let from = at;
      while (from > 0 && isIndented(lines[from])) from--;
      let to = at + 1;
      while (to < lines.length && isIndented(lines[to])) to++;
      return { from, to };
    }
    case 'paragraph': {
      let from = at;
      while (from > 0 && lines[from - 1].trim() !== '') from--;
      let to = at + 1;
      while (to < lines.length && lines[to].trim() !== '') to++;
      return { from, to };
    }
    case 'pair': {
      const from = at - (at % 2);
      return { from, to: Math.min(from + 2, lines.length) };
    }
  }
}

/**
 * Parses like handler.parse but, for a handler listed in RECOVERY, a
 * ParseError costs only the record of the bad line: that record's lines are
 * taken out and the rest parsed again, up to MAX_SKIPPED times. The error is
 * kept (with the line number of the file as read). It fails as handler.parse
 * does when the handler does not degrade, when the bad line is structural (a
 * header, a blank line, a line the error does not match), past MAX_SKIPPED,
 * or when no record is left.
 */
export function parseKeepingGoing(handler: Handler<object>, text: string, file: string, maxSkipped = MAX_SKIPPED): KeptGoing {
  const recovery = Object.prototype.hasOwnProperty.call(RECOVERY, handler.name) ? RECOVERY[handler.name] : undefined;
  let lines = text.split('\n');
  /** The line number (0-based) in `text` of each line still in `lines`. */
  let original = lines.map((_, k) => k);
  const skipped: ParseError[] = [];
  const asRead = (error: ParseError): ParseError => {
    const at = error.lineNumber - 1;
    return at >= 0 && at < original.length ? new ParseError(file, original[at] + 1, error.line, error.reason) : error;
  };
  const noneLeft = (): ParseError => {
    const first = skipped[0];
    return new ParseError(file, first.lineNumber, first.line, `${first.reason} (no good record left)`);
  };
  for (;;) {
    // Every record bad is a broken file, not an empty one.
    if (skipped.length > 0 && lines.every((line) => line.trim() === '')) throw noneLeft();
    let records: object[];
    try {
      records = handler.parse(skipped.length === 0 ? text : lines.join('\n'), file);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      const at = error.lineNumber - 1;
      const range =
        recovery !== undefined && at >= 0 && at < lines.length && lines[at] === error.line && error.line.trim() !== ''
          ? recordRange(recovery, lines, at)
          : undefined;
      if (range === undefined) throw asRead(error);
      if (skipped.length >= maxSkipped) {
        const first = skipped[0];
        throw new ParseError(
          file,
          first.lineNumber,
          first.line,
          `${first.reason} (and ${skipped.length} more bad records: the file is taken as broken)`,
        );
      }
      skipped.push(asRead(error));
      lines = [...lines.slice(0, range.from), ...lines.slice(range.to)];
      original = [...original.slice(0, range.from), ...original.slice(range.to)];
      continue;
    }
    if (records.length === 0 && skipped.length > 0) throw noneLeft();
    return { records, skipped };
  }
}
