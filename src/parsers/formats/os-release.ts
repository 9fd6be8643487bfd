/**
 * Format: os-release(5) — shell-compatible `KEY=value` assignments, one per line: the operating
 * system's identification, /etc/os-release and /usr/lib/os-release under the root filesystem
 * (`--path.rootfs`), not /proc: the os collector reports the host's distribution, which only its
 * files know (node_exporter's os_release.go reads the same two paths, /etc first).
 * Sample: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"', "VERSION_CODENAME=bookworm"
 *
 * One record `{ name, value }` per assignment, in file order (a repeated key
 * keeps every assignment; the last one is the value, as in a shell). Blank
 * lines and `#` comments are skipped; an `export ` prefix is accepted. Values
 * follow the shell: double quotes with the escapes `\\` `\"` `\$` `` \` ``
 * (any other backslash stays), single quotes literally, unquoted text up to a
 * comment, quoted and unquoted parts concatenated. A line that is not an
 * assignment, a bad name or an unterminated quote is a ParseError.
 */
import { defineHandler, type Handler } from '../../handler';
import { Lines } from '../helpers';

export interface OsReleaseRecord {
  name: string;
  value: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Any control character but tab (a CR of a CRLF file included). */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
const DOUBLE_QUOTE_ESCAPES = new Set(['\\', '"', '$', '`']);

function parseValue(src: Lines, index: number, raw: string): string {
  let out = '';
  /** Length of `out` up to its last character that is not unquoted whitespace (trailing blanks are dropped). */
  let significant = 0;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '"') {
      let j = i + 1;
      for (; j < raw.length && raw[j] !== '"'; j++) {
        if (raw[j] === '\\' && j + 1 < raw.length) {
          j++;
          out += DOUBLE_QUOTE_ESCAPES.has(raw[j]) ? raw[j] : `\\${raw[j]}`;
        } else {
          out += raw[j];
        }
      }
      if (j >= raw.length) src.fail(index, 'unterminated double quote');
      significant = out.length;
      i = j + 1;
    } else if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close < 0) src.fail(index, 'unterminated single quote');
      out += raw.slice(i + 1, close);
      significant = out.length;
      i = close + 1;
    } else if (c === '\\') {
      if (i + 1 >= raw.length) src.fail(index, 'backslash at the end of the line');
      out += raw[i + 1];
      significant = out.length;
      i += 2;
    } else if (c === '#' && (i === 0 || raw[i - 1] === ' ' || raw[i - 1] === '\t')) {
      break;
    } else {
      out += c;
      if (c !== ' ' && c !== '\t') significant = out.length;
      i++;
    }
  }
  return out.slice(0, significant);
}

export function parseOsRelease(text: string, file = 'os-release'): OsReleaseRecord[] {
  const src = new Lines(file, text);
  const records: OsReleaseRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const control = CONTROL.exec(src.lines[i]);
    if (control) src.fail(i, `control character ${JSON.stringify(control[0])}`);
    const line = src.lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) src.fail(i, 'expected KEY=value');
    let name = line.slice(0, eq).trim();
    if (name.startsWith('export ') || name.startsWith('export\t')) name = name.slice(7).trim();
    if (!NAME.test(name)) src.fail(i, `${JSON.stringify(name)} is not a variable name`);
    records.push({ name, value: parseValue(src, i, line.slice(eq + 1).trim()) });
  }
  return records;
}

/** The handler of an os-release file; `path` is its path under the root filesystem (`etc/os-release`). */
export function osReleaseHandler(path: string, summary: string): Handler<OsReleaseRecord> {
  const name = `rootfs/${path}`;
  return defineHandler<OsReleaseRecord>({
    name,
    summary: `operating system identification (os-release(5)), ${summary}`,
    pattern: path,
    root: 'rootfs',
    parse: (text, file) => parseOsRelease(text, file ?? name),
  });
}
