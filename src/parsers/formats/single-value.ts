/**
 * Format: a per-process file holding one value on one line — /proc/<pid>/comm,
 * cpuset, oom_score, oom_adj, oom_score_adj, loginuid, sessionid,
 * coredump_filter, timerslack_ns, ksm_merging_pages, personality, setgroups, wchan.
 * Kernel: fs/proc/base.c, one show/read function per file (named in each entry's header).
 * Sample: "666"
 *
 * One record keyed by the file's name: `{ oom_score: 666 }`. The kind of value:
 * `int` a decimal number; `hex` a mask kept as the hex text written
 * (coredump_filter "%08lx", personality "%08x"); `word` one token (setgroups,
 * wchan); `text` the whole line, spaces kept (comm, cpuset). An empty file
 * gives no record (wchan of a running task on newer kernels).
 */
import { defineHandler, type Handler } from '../../handler';
import { fields, Lines, oneLine } from '../helpers';

export type SingleValueKind = 'int' | 'hex' | 'word' | 'text';
type ValueOf<K extends SingleValueKind> = K extends 'int' ? number : string;

export function parseSingleValue<K extends SingleValueKind>(
  text: string,
  file: string,
  key: string,
  kind: K,
): Record<string, ValueOf<K>>[] {
  const src = new Lines(file, text);
  const line = oneLine(src);
  if (line === undefined) return [];
  let value: string | number;
  switch (kind) {
    case 'int':
      value = src.int(line.trim(), 0, key);
      break;
    case 'hex':
      src.hex(line.trim(), 0, key);
      value = line.trim();
      break;
    case 'word': {
      const f = fields(line);
      if (f.length !== 1) src.fail(0, `expected one word, found ${f.length}`);
      value = f[0];
      break;
    }
    default:
      if (line === '') src.fail(0, `missing ${key}`);
      value = line;
  }
  return [{ [key]: value as ValueOf<K> }];
}

/** The handler of a single-value file `pid/<key>`: its record is `{ <key>: value }`. */
export function singleValueHandler<N extends string, K extends SingleValueKind>(
  name: `pid/${N}`,
  kind: K,
  summary: string,
): Handler<Record<N, ValueOf<K>>> {
  const key = name.slice(4) as N;
  return defineHandler<Record<N, ValueOf<K>>>({
    name,
    summary,
    parse: (text, file) => parseSingleValue(text, file ?? name, key, kind),
  });
}
