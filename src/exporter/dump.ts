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
 * Reads are bounded in size (413) and time (503).
 */
import { ParseError } from '../errors';
import { handlerPattern, isPerProcess, type Handler } from '../handler';
import type { ParseResult } from '../parse';
import { FileTooLargeError, isGone, isNothingToShow, NotRegularFileError, OutsideRootError, ReadAbandonedError, type ProcFs } from '../procfs';
import { getHandler, handlerNames } from '../registry';

export class DumpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface DumpEntry {
  handler: string;
  summary: string;
  path: string;
  perProcess: boolean;
  /** `?pid=` (per-process files) or `?item=` (a folder of like files) the request needs. */
  parameters: string[];
}

function servable(handler: Handler<object>, allowPerProcess: boolean): boolean {
  if (handler.refuse !== undefined) return false;
  // /dump reads under the procfs root only; /sys and root-filesystem files are the commands' (and collectors').
  if (handler.root !== undefined) return false;
  if (isPerProcess(handler) && !allowPerProcess) return false;
  // Only patterns whose variable parts are <pid> and a final `*` can be filled in safely.
  const segments = handlerPattern(handler).split('/');
  return segments.every((s, i) => s === '<pid>' || (s === '*' && i === segments.length - 1) || /^[A-Za-z0-9_.:+-]+$/.test(s));
}

export function dumpEntries(allowPerProcess: boolean): DumpEntry[] {
  const out: DumpEntry[] = [];
  for (const name of handlerNames()) {
    const handler = getHandler(name)!;
    if (!servable(handler, allowPerProcess)) continue;
    const pattern = handlerPattern(handler);
    const parameters = [...(pattern.includes('<pid>') ? ['pid'] : []), ...(pattern.endsWith('/*') ? ['item'] : [])];
    out.push({ handler: name, summary: handler.summary, path: `/dump/${name.replace(/\//g, '.')}`, perProcess: isPerProcess(handler), parameters });
  }
  return out;
}

/** The handler a `:file` parameter names: `net.tcp6`, `net/tcp6` (decoded `net%2Ftcp6`). */
export function dumpHandler(file: string, allowPerProcess: boolean): Handler<object> {
  const handler = getHandler(file) ?? getHandler(file.replace(/\./g, '/'));
  if (!handler || !servable(handler, allowPerProcess)) {
    throw new DumpError(404, `${JSON.stringify(file)}: no such dumpable file (GET /dump lists them)`);
  }
  return handler;
}

const PID = /^(\d{1,10}|self)$/;
const ITEM = /^[A-Za-z0-9_:@+-][A-Za-z0-9_.:@+-]*$/;

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
      // Never list a directory whose real location is outside the root (a symbolic link out of the tree).
      if (procfs.realPathInside(dir) === undefined) throw new DumpError(404, `${dir}: not present under the procfs root`);
      if (typeof item !== 'string' || !ITEM.test(item) || item === '.' || item === '..' || !procfs.list(dir).includes(item)) {
        const available = procfs.list(dir).filter((e) => ITEM.test(e)).sort();
        throw new DumpError(404, `item: expected one of the files in ${dir}/ (${available.join(', ') || 'none'})`);
      }
      out.push(item);
    } else {
      out.push(s);
    }
  }
  return out.join('/');
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

/** The text a handler parses (file text or link target); undefined when there is nothing to show (EACCES, ESRCH, EINVAL), as proc2json does. */
async function readForDump(procfs: ProcFs, relative: string, handler: Handler<object>, limits: Required<DumpLimits>, abandoned: () => boolean): Promise<string | undefined> {
  const readText = (): Promise<string> => procfs.readTextAsync(relative, { maxBytes: limits.maxBytes, abandoned });
  try {
    if (handler.source === 'link') {
      try {
        return procfs.readLink(relative);
      } catch (error) {
        // A saved copy of a link (a regular file holding the target) reads as its text.
        if ((error as NodeJS.ErrnoException).code === 'EINVAL') return (await readText()).replace(/\n$/, '');
        throw error;
      }
    }
    return await readText();
  } catch (error) {
    if (error instanceof FileTooLargeError) throw new DumpError(413, `${relative}: larger than the dump size limit of ${limits.maxBytes} bytes (dump.maxBytes)`);
    if (error instanceof ReadAbandonedError) throw new DumpError(503, 'abandoned');
    if (error instanceof OutsideRootError) throw new DumpError(404, `${relative}: not present under the procfs root`);
    if (error instanceof NotRegularFileError) throw new DumpError(403, `${relative}: ${error.kind}, not a regular file (refused: reading it could block or never end)`);
    if (isNothingToShow(error)) return undefined;
    if (isGone(error)) throw new DumpError(404, `${relative}: no such file (or its process has exited)`);
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new DumpError(404, `${relative}: is a directory`);
    throw new DumpError(500, `${relative}: ${(error as Error).message}`);
  }
}

/**
 * Parses the file; errors become DumpErrors with an HTTP status. Every read
 * goes through `procfs` (its `resolve` refuses `..` and absolute paths), after
 * the real location of the path was checked to be inside the root (for a
 * clear 404); the read checks the descriptor it opened again, so a link
 * swapped after that check is refused too.
 */
export async function dump(file: string, query: { pid?: unknown; item?: unknown }, procfs: ProcFs, options: DumpLimits | boolean): Promise<ParseResult> {
  const limits: Required<DumpLimits> = {
    environOfOtherProcesses: false,
    maxBytes: 16 * 1024 * 1024,
    timeoutMs: 10_000,
    ...(typeof options === 'boolean' ? { perProcess: options } : options),
  };
  const handler = dumpHandler(file, limits.perProcess);
  const relative = dumpRelativePath(handler, query, procfs);
  if (handler.name === 'pid/environ' && !limits.environOfOtherProcesses && !procfs.isOwnProcess(relative.split('/')[0])) {
    throw new DumpError(403, 'pid/environ: only the exporter\'s own environment can be dumped (dump.environOfOtherProcesses is false)');
  }
  const absolute = procfs.realPathInside(relative, handler.source !== 'link');
  if (absolute === undefined) throw new DumpError(404, `${relative}: not present under the procfs root`);
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new DumpError(503, `${relative}: dump timed out after ${limits.timeoutMs} ms (dump.timeout)`));
    }, limits.timeoutMs);
  });
  const work = readForDump(procfs, relative, handler, limits, () => timedOut).then((text) => {
    if (timedOut) throw new DumpError(503, 'abandoned');
    try {
      return { source: absolute, handler: handler.name, records: text === undefined ? [] : handler.parse(text, absolute) };
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
