/**
 * /dump: one handler run on the live file under the procfs root.
 *
 * Nothing outside the root is ever read, whatever the request says: the
 * handler is looked up by name in the registry table, the path is built from
 * the handler's own name/pattern (request text only fills `<pid>` with digits
 * or `self`, and `*` with a name that is an entry of that very directory),
 * ProcFs refuses `..` and absolute paths, and a path whose real location
 * (after symbolic links) is outside the root is refused.
 */
import { ProcessGoneError, ReadError } from '../errors';
import { handlerPattern, isPerProcess, type Handler } from '../handler';
import { parseFile, type ParseResult } from '../parse';
import type { ProcFs } from '../procfs';
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

/** Parses the file; errors become DumpErrors with an HTTP status. */
export function dump(file: string, query: { pid?: unknown; item?: unknown }, procfs: ProcFs, allowPerProcess: boolean): ParseResult {
  const handler = dumpHandler(file, allowPerProcess);
  const relative = dumpRelativePath(handler, query, procfs);
  const absolute = procfs.realPathInside(relative, handler.source !== 'link');
  if (absolute === undefined) throw new DumpError(404, `${relative}: not present under the procfs root`);
  try {
    return parseFile(absolute, handler.name);
  } catch (error) {
    if (error instanceof ReadError || error instanceof ProcessGoneError) throw new DumpError(404, error.message);
    throw new DumpError(500, (error as Error).message);
  }
}
