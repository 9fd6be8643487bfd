/**
 * Parsing a named file or a text: the shared entry point of the commands, the
 * exporter's /dump and the library.
 */
import * as path from 'path';
import { ProcessGoneError, ReadError, RefusedError, UnknownFileError } from './errors';
import type { Handler } from './handler';
import { describeReadError, entryExists, isGone, isNothingToShow, pathExists, readLink, readWholeFile } from './procfs';
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
 * Reads the file the way its handler needs (text or link target); undefined
 * when the file is there but has nothing to show (`onUnreadable` hears why).
 */
export function readForHandler(file: string, handler: Handler<object>, onUnreadable?: (reason: string) => void): string | undefined {
  if (handler.refuse !== undefined) throw new RefusedError(file, handler.refuse);
  try {
    return handler.source === 'link' ? readLink(file) : readWholeFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A saved copy of a link (a regular file holding the target) reads as its text.
    if (code === 'EINVAL' && handler.source === 'link') return readWholeFile(file).replace(/\n$/, '');
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

/**
 * Parses one file. A file the caller may not read (root-only files, another
 * user's process) gives an empty record list, as the seed does; `onUnreadable`
 * hears why.
 */
export function parseFile(file: string, as?: string, onUnreadable?: (reason: string) => void): ParseResult {
  const handler = chooseHandler(file, as);
  const text = readForHandler(file, handler, onUnreadable);
  const records = text === undefined ? [] : handler.parse(text, file);
  return { source: file, handler: handler.name, records };
}

/** Parses text already in hand (standard input, a fixture) with a named handler. */
export function parseText(text: string, as: string, source = '-'): ParseResult {
  const handler = chooseHandler(source, as);
  if (handler.refuse !== undefined) throw new RefusedError(source, handler.refuse);
  return { source, handler: handler.name, records: handler.parse(text, source) };
}
