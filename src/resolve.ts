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
 */
import { handlerPattern, type Handler, type HandlerTable } from './handler';

const PROCESS_DIR = /^(\d+|self|thread-self)$/;

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
  let best: Candidate | undefined;
  for (const handler of Object.values(table)) {
    const candidate = score(handler, segments);
    if (candidate && (best === undefined || better(candidate, best))) best = candidate;
  }
  return best?.handler;
}
