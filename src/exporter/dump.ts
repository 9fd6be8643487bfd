/**
 * /dump: one handler run on the live file under the procfs root.
 *
 * Nothing outside the root is ever read, whatever the request says: the
 * handler is looked up by name in the registry table, the path is built from
 * the handler's own name/pattern (request text only fills `<pid>` with digits
 * or `self`, and `*` with a name that is an entry of that very directory),
 * ProcFs refuses `..` and absolute paths, and a path whose real location
 * (after symbolic links) is outside the root is refused. pid/environ of any
 * process but the exporter's own needs `dump.environOfOtherProcesses`.
 * Reads are bounded in size (413) and time (503); the server lets one dump
 * run at a time (DumpSlots in server.ts), so that concurrent dumps of a large
 * file stay within the pod's memory.
 *
 * Every refusal is a DumpError with a 4xx status and a reason: an unknown
 * name comes with the closest handler names, a per-process handler while
 * `dump.perProcess` is off is 403 naming that key, a symbolic-link loop, a
 * socket, or a directory the exporter may not list are 4xx too.
 */
import { ParseError } from '../errors';
import { handlerPattern, isPerProcess, type Handler } from '../handler';
import type { ParseResult } from '../parse';
import {
  FileTooLargeError,
  isDenied,
  isGone,
  isNothingToShow,
  NotRegularFileError,
  OutsideRootError,
  ReadAbandonedError,
  type ProcFs,
} from '../procfs';
import { getHandler, handlerNames } from '../registry';

export class DumpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Handler names close to an unknown one (`/dump/tpc` → net.tcp). */
    readonly suggestions: string[] = [],
  ) {
    super(message);
  }
}

/** The index's groups: the root tree, /proc/net, /proc/<pid>, /proc/sysvipc. */
export type DumpArea = 'root' | 'net' | 'per-process' | 'sysvipc';
export const DUMP_AREAS: readonly DumpArea[] = ['root', 'net', 'per-process', 'sysvipc'];

export interface DumpEntry {
  handler: string;
  summary: string;
  path: string;
  perProcess: boolean;
  /** `?pid=` (per-process files) or `?item=` (a folder of like files) the request needs. */
  parameters: string[];
}

export function dumpArea(handlerName: string): DumpArea {
  if (handlerName.startsWith('pid/')) return 'per-process';
  if (handlerName.startsWith('net/')) return 'net';
  if (handlerName.startsWith('sysvipc/')) return 'sysvipc';
  return 'root';
}

/** A handler name as /dump writes it: `net/tcp6` → `net.tcp6`. */
export function dumpName(handlerName: string): string {
  return handlerName.replace(/\//g, '.');
}

/** Whether /dump can serve the handler at all (per-process ones only when allowed). */
function servable(handler: Handler<object>, allowPerProcess: boolean): boolean {
  if (handler.refuse !== undefined) return false;
  // /dump reads under the procfs root only; /sys and root-filesystem files are the commands' (and collectors').
  if (handler.root !== undefined) return false;
  if (isPerProcess(handler) && !allowPerProcess) return false;
  // Only patterns whose variable parts are <pid> and a final `*` can be filled in safely.
  const segments = handlerPattern(handler).split('/');
  return segments.every((s, i) => s === '<pid>' || (s === '*' && i === segments.length - 1) || /^[A-Za-z0-9_.:+-]+$/.test(s));
}

function entryOf(handler: Handler<object>): DumpEntry {
  const pattern = handlerPattern(handler);
  const parameters = [...(pattern.includes('<pid>') ? ['pid'] : []), ...(pattern.endsWith('/*') ? ['item'] : [])];
  const path = `/dump/${dumpName(handler.name)}`;
  return { handler: handler.name, summary: handler.summary, path, perProcess: isPerProcess(handler), parameters };
}

export function dumpEntries(allowPerProcess: boolean): DumpEntry[] {
  return handlerNames()
    .map((name) => getHandler(name)!)
    .filter((handler) => servable(handler, allowPerProcess))
    .map(entryOf);
}

/** The per-process handlers /dump would serve with `dump.perProcess: true` (the HTML index lists them, without links). */
export function perProcessEntries(): DumpEntry[] {
  return dumpEntries(true).filter((e) => e.perProcess);
}

/** Edit distance (insertions, deletions, substitutions, transpositions of neighbours). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The servable handler names (as /dump writes them) closest to `requested`:
 * a small edit distance to the whole name or to its last part (`tpc6` →
 * net.tcp6), or the request contained in the name (`snmp` → net.snmp, …). At most 5.
 */
export function suggestHandlers(requested: string, allowPerProcess: boolean): string[] {
  const wanted = requested.toLowerCase().replace(/\//g, '.');
  if (wanted.length === 0 || wanted.length > 64) return [];
  const scored: { name: string; score: number }[] = [];
  for (const entry of dumpEntries(allowPerProcess)) {
    const name = dumpName(entry.handler);
    const last = name.slice(name.lastIndexOf('.') + 1);
    const best = Math.min(distance(wanted, name.toLowerCase()), distance(wanted, last.toLowerCase()));
    const limit = Math.max(1, Math.floor(wanted.length / 3));
    if (best <= limit) scored.push({ name, score: best });
    else if (wanted.length >= 3 && name.toLowerCase().includes(wanted)) scored.push({ name, score: limit + 1 });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.length - b.name.length || (a.name < b.name ? -1 : 1))
    .slice(0, 5)
    .map((s) => s.name);
}

/** The handler a `:file` parameter names: `net.tcp6`, `net/tcp6` (decoded `net%2Ftcp6`). */
export function dumpHandler(file: string, allowPerProcess: boolean): Handler<object> {
  const handler = getHandler(file) ?? getHandler(file.replace(/\./g, '/'));
  if (handler?.refuse !== undefined) throw new DumpError(404, `${handler.name}: ${handler.refuse}`);
  if (handler && isPerProcess(handler) && !allowPerProcess && servable(handler, true)) {
    throw new DumpError(403, `${handler.name}: per-process files are not served (dump.perProcess is false in config.yaml)`);
  }
  if (!handler || !servable(handler, allowPerProcess)) {
    const suggestions = suggestHandlers(file, allowPerProcess);
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '';
    throw new DumpError(404, `${JSON.stringify(file)}: no such dumpable file (GET /dump lists them)${hint}`, suggestions);
  }
  return handler;
}

/**
 * A filesystem failure on the way to a file as a 4xx with the reason: a link
 * loop, a socket or FIFO-like file that cannot be opened for reading, a
 * directory the exporter may not list. Undefined for anything else.
 */
function describeFsRefusal(error: unknown, relative: string): DumpError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ELOOP') return new DumpError(404, `${relative}: too many levels of symbolic links (a link loop)`);
  if (code === 'ENXIO') return new DumpError(404, `${relative}: not a file that can be read (a socket, or a device without a driver)`);
  if (code === 'ENAMETOOLONG') return new DumpError(404, `${relative}: name too long`);
  if (isDenied(error)) return new DumpError(403, `${relative}: permission denied (the exporter's user may not read it)`);
  return undefined;
}

/** Runs a filesystem check, turning refusals (ELOOP, ENXIO, EACCES) into DumpErrors. */
function checked<T>(relative: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw describeFsRefusal(error, relative) ?? error;
  }
}

const PID = /^(\d{1,10}|self)$/;
const ITEM = /^[A-Za-z0-9_:@+-][A-Za-z0-9_.:@+-]*$/;

/** The entries of a folder of like files that `?item=` may name, sorted. */
function itemsOf(dir: string, procfs: ProcFs): string[] {
  // Never list a directory whose real location is outside the root (a symbolic link out of the tree).
  if (checked(dir, () => procfs.realPathInside(dir)) === undefined) throw new DumpError(404, `${dir}: not present under the procfs root`);
  return checked(dir, () => procfs.list(dir))
    .filter((e) => ITEM.test(e))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** The path under the root, built from the handler's pattern. */
export function dumpRelativePath(handler: Handler<object>, query: { pid?: unknown; item?: unknown }, procfs: ProcFs): string {
  const segments = handlerPattern(handler).split('/');
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s === '<pid>') {
      const pid = query.pid === undefined ? 'self' : query.pid;
      if (typeof pid !== 'string' || !PID.test(pid)) throw new DumpError(404, 'pid: expected a process id or self');
      out.push(pid);
    } else if (s === '*') {
      const item = query.item;
      const dir = out.join('/');
      const available = itemsOf(dir, procfs);
      if (typeof item !== 'string' || !available.includes(item)) {
        throw new DumpError(404, `item: expected one of the files in ${dir}/ (${available.join(', ') || 'none'})`);
      }
      out.push(item);
    } else {
      out.push(s);
    }
  }
  return out.join('/');
}

/** What the HTML pickers offer: the process ids under the root, and the items of the folder the request names. */
export interface DumpChoices {
  pids?: string[];
  items?: string[];
}

/** The `?pid=` and `?item=` values a handler page can offer (undefined where they do not apply or cannot be listed). */
export function dumpChoices(handler: Handler<object>, query: { pid?: unknown }, procfs: ProcFs): DumpChoices {
  const pattern = handlerPattern(handler);
  const choices: DumpChoices = {};
  if (pattern.includes('<pid>')) choices.pids = ['self', ...procfs.pids().map(String)];
  if (pattern.endsWith('/*')) {
    try {
      const dir = dumpRelativePath({ ...handler, pattern: pattern.slice(0, -2) }, query, procfs);
      choices.items = itemsOf(dir, procfs);
    } catch {
      // The folder is not there (or not for this pid): no item list to offer.
    }
  }
  return choices;
}

export interface DumpLimits {
  /** Per-process files may be dumped. */
  perProcess: boolean;
  /** pid/environ of a process other than the exporter itself may be dumped. */
  environOfOtherProcesses?: boolean;
  /** Largest file read, in bytes (413 beyond). */
  maxBytes?: number;
  /** A dump taking longer is abandoned with 503. */
  timeoutMs?: number;
}

/** A dump's records and what the HTML view says about the read. */
export interface DumpOutcome {
  result: ParseResult;
  /** Bytes of text the handler parsed (the link target for links). */
  bytesRead: number;
  /** Why the file gave no records although it is there (permission denied, …). */
  unreadable?: string;
}

/**
 * The text a handler parses (file text or link target); `unreadable` when
 * there is nothing to show (EACCES, ESRCH, EINVAL), as proc2json does.
 */
async function readForDump(
  procfs: ProcFs,
  relative: string,
  handler: Handler<object>,
  limits: Required<DumpLimits>,
  abandoned: () => boolean,
): Promise<{ text: string } | { unreadable: string }> {
  const readText = (): Promise<string> => procfs.readTextAsync(relative, { maxBytes: limits.maxBytes, abandoned });
  try {
    if (handler.source === 'link') {
      try {
        return { text: procfs.readLink(relative) };
      } catch (error) {
        // A saved copy of a link (a regular file holding the target) reads as its text.
        if ((error as NodeJS.ErrnoException).code === 'EINVAL') return { text: (await readText()).replace(/\n$/, '') };
        throw error;
      }
    }
    return { text: await readText() };
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      throw new DumpError(413, `${relative}: larger than the dump size limit of ${limits.maxBytes} bytes (dump.maxBytes)`);
    }
    if (error instanceof ReadAbandonedError) throw new DumpError(503, 'abandoned');
    if (error instanceof OutsideRootError) throw new DumpError(404, `${relative}: not present under the procfs root`);
    if (error instanceof NotRegularFileError)
      throw new DumpError(403, `${relative}: ${error.kind}, not a regular file (refused: reading it could block or never end)`);
    if (isNothingToShow(error)) {
      const code = (error as NodeJS.ErrnoException).code;
      return { unreadable: isDenied(error) ? 'permission denied' : code === 'ESRCH' ? 'no such process' : 'not available (EINVAL)' };
    }
    if (isGone(error)) throw new DumpError(404, `${relative}: no such file (or its process has exited)`);
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new DumpError(404, `${relative}: is a directory`);
    throw describeFsRefusal(error, relative) ?? new DumpError(500, `${relative}: ${(error as Error).message}`);
  }
}

function withDefaults(options: DumpLimits | boolean): Required<DumpLimits> {
  return {
    environOfOtherProcesses: false,
    maxBytes: 16 * 1024 * 1024,
    timeoutMs: 10_000,
    ...(typeof options === 'boolean' ? { perProcess: options } : options),
  };
}

/**
 * Reads and parses the file; errors become DumpErrors with an HTTP status.
 * Every read goes through `procfs` (its `resolve` refuses `..` and absolute
 * paths), after the real location of the path was checked to be inside the
 * root (for a clear 404); the read checks the descriptor it opened again, so a
 * link swapped after that check is refused too.
 */
export type DumpQuery = { pid?: unknown; item?: unknown };

export async function dumpFile(file: string, query: DumpQuery, procfs: ProcFs, options: DumpLimits | boolean): Promise<DumpOutcome> {
  const limits = withDefaults(options);
  const handler = dumpHandler(file, limits.perProcess);
  const relative = dumpRelativePath(handler, query, procfs);
  if (handler.name === 'pid/environ' && !limits.environOfOtherProcesses && !procfs.isOwnProcess(relative.split('/')[0])) {
    throw new DumpError(403, "pid/environ: only the exporter's own environment can be dumped (dump.environOfOtherProcesses is false)");
  }
  const absolute = checked(relative, () => procfs.realPathInside(relative, handler.source !== 'link'));
  if (absolute === undefined) throw new DumpError(404, `${relative}: not present under the procfs root`);
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new DumpError(503, `${relative}: dump timed out after ${limits.timeoutMs} ms (dump.timeout)`));
    }, limits.timeoutMs);
  });
  const work = readForDump(procfs, relative, handler, limits, () => timedOut).then((read): DumpOutcome => {
    if (timedOut) throw new DumpError(503, 'abandoned');
    const result = (records: object[]): ParseResult => ({ source: absolute, handler: handler.name, records });
    if ('unreadable' in read) return { result: result([]), bytesRead: 0, unreadable: read.unreadable };
    try {
      return { result: result(handler.parse(read.text, absolute)), bytesRead: Buffer.byteLength(read.text) };
    } catch (error) {
      if (error instanceof ParseError) throw new DumpError(500, error.message);
      throw new DumpError(500, `${relative}: ${(error as Error).message}`);
    }
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
