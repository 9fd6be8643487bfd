/**
 * Which handler a path belongs to, from its name alone (the seed's rule).
 *
 * The file name must END with the handler's last path segment, after a
 * separator when it is longer — a copy named `/tmp/copy-of-tcp6` is a tcp6
 * file, `/tmp/tcp6-from-thursday` is not, nor is `kmsg` a `msg` file — and
 * the handler whose pattern matches the longest trailing part of the path
 * wins: `…/self/stat` is `pid/stat`, `…/net/stat/arp_cache` is
 * `net/stat/arp_cache`, a bare `stat` is the root `stat`.
 *
 * Ties are broken by: the file name equal to the segment (not just ending with
 * it), then the longer segment (`vmstat` over `stat`), then the shorter
 * pattern (root files over per-process ones).
 *
 * A path that shows where it is under /proc is taken at its word: when the
 * part after its last `proc` directory (or a relative path) starts with one
 * of /proc's directories (`sys/…`, `net/…`, `fs/…`, a pid), it names a
 * directory of /proc, and a file there is only the file of a handler whose pattern covers
 * that whole part (after a leading `<pid>` or `<pid>/task/<tid>`, since
 * /proc/self/net is /proc/net), by its exact name. So `/proc/fs/xfs/stat` is
 * not /proc/stat, `/proc/sys/vm/overcommit_memory` is not a copy of
 * `pressure/memory`, `/proc/sys/fs/binfmt_misc/status` is not pid/status.
 * Anywhere else (a capture directory, /tmp) the rules above apply.
 */
import { handlerPattern, type Handler, type HandlerTable } from './handler';

const PROCESS_DIR = /^(\d+|self|thread-self)$/;
/** /proc's own directories (proc(5), and spl/ of ZFS) besides process directories: a relative path starting with one is a path under /proc. */
const PROC_DIRECTORIES = new Set([
  'acpi',
  'asound',
  'bus',
  'driver',
  'dynamic_debug',
  'fs',
  'irq',
  'net',
  'pressure',
  'scsi',
  'spl',
  'sys',
  'sysvipc',
  'tty',
]);

/**
 * The segments of `file` from a directory of /proc on (`fs/xfs/stat` of
 * `/proc/fs/xfs/stat`, `sys/vm/…` of a relative `sys/vm/…`), or undefined when
 * its path does not show one: after the last `proc` directory (or from the
 * start of a relative path) must come one of /proc's directories or a pid.
 */
function underProc(file: string, segments: string[]): string[] | undefined {
  const root = segments.lastIndexOf('proc', segments.length - 2);
  const relative = root >= 0 ? segments.slice(root + 1) : file.startsWith('/') ? undefined : segments;
  if (relative === undefined || relative.length < 2) return undefined;
  return PROC_DIRECTORIES.has(relative[0]) || PROCESS_DIR.test(relative[0]) ? relative : undefined;
}

/** How many trailing segments a handler must match for a file at `relative` under /proc (a leading process directory aside). */
function segmentsToCover(relative: string[], pattern: string[]): number {
  let prefix = 0;
  if (PROCESS_DIR.test(relative[0])) prefix = relative[1] === 'task' && relative.length > 3 && /^\d+$/.test(relative[2]) ? 3 : 1;
  return relative.length - prefix + (pattern[0] === '<pid>' ? 1 : 0);
}

interface Candidate {
  handler: Handler<object>;
  matched: number;
  exact: boolean;
  literalLength: number;
  patternLength: number;
}

function segmentMatches(pattern: string, segment: string): boolean {
  if (pattern === '*') return true;
  if (pattern === '<pid>') return PROCESS_DIR.test(segment);
  return pattern === segment;
}

function score(handler: Handler<object>, segments: string[]): Candidate | undefined {
  const pattern = handlerPattern(handler).split('/');
  const last = pattern[pattern.length - 1];
  const fileName = segments[segments.length - 1];
  let exact: boolean;
  let literalLength: number;
  if (last === '*') {
    // A folder of like files: the folder itself must match.
    if (pattern.length < 2 || segments.length < 2 || !segmentMatches(pattern[pattern.length - 2], segments[segments.length - 2])) {
      return undefined;
    }
    exact = true;
    literalLength = pattern[pattern.length - 2].length;
  } else if (last.length > 1 && last.endsWith('*')) {
    // A name prefix (objset-*): files whose name starts with it and goes on.
    const prefix = last.slice(0, -1);
    if (fileName.length <= prefix.length || !fileName.startsWith(prefix)) return undefined;
    exact = true;
    literalLength = prefix.length;
  } else {
    if (!fileName.endsWith(last)) return undefined;
    exact = fileName === last;
    // A copy's name ends with the file's name after a separator (copy-of-tcp6, ex6.mdstat):
    // kmsg is not a sysvipc msg file, nor vmstat a stat file.
    if (!exact && /[A-Za-z0-9]/.test(fileName[fileName.length - last.length - 1])) return undefined;
    literalLength = last.length;
  }
  let matched = 1;
  // A file only ending with the name (copy-of-tcp6) has left its folder behind: no parent can count.
  if (exact) {
    for (let p = pattern.length - 2, s = segments.length - 2; p >= 0 && s >= 0; p--, s--) {
      if (!segmentMatches(pattern[p], segments[s])) break;
      matched++;
    }
  }
  return { handler, matched, exact, literalLength, patternLength: pattern.length };
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.matched !== b.matched) return a.matched > b.matched;
  if (a.exact !== b.exact) return a.exact;
  if (a.literalLength !== b.literalLength) return a.literalLength > b.literalLength;
  if (a.patternLength !== b.patternLength) return a.patternLength < b.patternLength;
  return a.handler.name < b.handler.name;
}

/** The handler for `file`, or undefined when none recognises its name. */
export function resolveHandler(file: string, table: HandlerTable): Handler<object> | undefined {
  const segments = file.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return undefined;
  const relative = underProc(file, segments);
  const inProcDirectory = relative !== undefined;
  let best: Candidate | undefined;
  for (const handler of Object.values(table) as Handler<object>[]) {
    const candidate = score(handler, segments);
    if (!candidate) continue;
    if (inProcDirectory && (!candidate.exact || candidate.matched < segmentsToCover(relative, handlerPattern(handler).split('/'))))
      continue;
    if (best === undefined || better(candidate, best)) best = candidate;
  }
  return best?.handler;
}
