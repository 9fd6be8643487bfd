/**
 * process-exporter's configuration speaks Go: its cmdline matchers are Go
 * regular expressions (RE2) and its group names text/template templates. The
 * process groups take both as written, so a process-exporter config file works
 * unchanged: `goRegex` turns RE2's syntax into an equivalent JavaScript RegExp
 * (or says why it cannot), `parseNameTemplate` reads the subset of templates a
 * group name uses, and the `go*` functions print values as Go's fmt does.
 * Shared by the configuration (which validates) and the collector (which runs).
 */

// ---- regular expressions -----------------------------------------------------------------

/** A Go regular expression, rewritten for JavaScript. */
export interface TranslatedRegex {
  source: string;
  flags: string;
}

/** RE2's POSIX classes (`[[:alpha:]]`), as the ranges they stand for inside a JavaScript class. */
const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/**
 * The JavaScript equivalent of a Go regular expression: `(?P<name>…)` named
 * groups, leading `(?i)`/`(?s)`/`(?m)` flags, `\A`, `\z`, `\Q…\E`, POSIX
 * classes and `\p{…}` (the `u` flag). JavaScript's own `(?<name>…)` passes as
 * it is. Throws an Error naming what has no equivalent (`(?U)`, flag groups
 * inside the expression).
 */
export function goRegex(source: string): TranslatedRegex {
  let flags = '';
  let rest = source;
  const leading = /^\(\?([imsU]+)\)/.exec(rest);
  if (leading) {
    if (leading[1].includes('U')) throw new Error("Go's (?U) (ungreedy) has no JavaScript equivalent");
    flags = [...new Set(leading[1])].join('');
    rest = rest.slice(leading[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === '\\') {
      const next = rest[i + 1];
      if (next === undefined) throw new Error('trailing backslash');
      if (next === 'Q') {
        const end = rest.indexOf('\\E', i + 2);
        const literal = rest.slice(i + 2, end < 0 ? rest.length : end);
        out += inClass ? literal.replace(/[\\\]^-]/g, '\\$&') : escapeLiteral(literal);
        i = end < 0 ? rest.length : end + 1;
        continue;
      }
      if (!inClass && next === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && next === 'z') out += '(?![\\s\\S])';
      else {
        if (next === 'p' || next === 'P') flags += flags.includes('u') ? '' : 'u';
        out += c + next;
      }
      i++;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(rest.slice(i));
      if (posix && POSIX_CLASSES[posix[2]] !== undefined) {
        if (posix[1] === '^') throw new Error(`negated POSIX class [:^${posix[2]}:] has no JavaScript equivalent`);
        out += POSIX_CLASSES[posix[2]];
        i += posix[0].length - 1;
        continue;
      }
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A ']' first in the class (after an optional '^') is a literal, as in Go.
      if (rest[i + 1] === '^') out += rest[++i];
      if (rest[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && rest[i + 1] === '?') {
      if (rest[i + 2] === 'P' && rest[i + 3] === '<') {
        out += '(?<';
        i += 3;
        continue;
      }
      if (/^\(\?[imsU-]+[:)]/.test(rest.slice(i)))
        throw new Error("Go's flag groups (?i:…) inside an expression have no JavaScript equivalent here");
    }
    out += c;
  }
  return { source: out, flags };
}

/** Why a Go regular expression cannot be used (`/^(Tcp/: Unterminated group`), or undefined when it can. */
export function goRegexProblem(source: string): string | undefined {
  try {
    const { source: js, flags } = goRegex(source);
    new RegExp(js, flags);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

/** The named captures of a Go (or JavaScript) regular expression, in order. */
export function captureNames(source: string): string[] {
  return [...source.matchAll(/\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]);
}

// ---- name templates ----------------------------------------------------------------------

/** What a group name template may use (process-exporter 0.7.10's templateParams). */
export const GROUP_TEMPLATE_VARIABLES: readonly string[] = [
  'Comm',
  'ExeBase',
  'ExeFull',
  'Username',
  'PID',
  'StartTime',
  'Cgroups',
  'Matches',
];

/** A piece of a parsed template: literal text, or a variable (`{{.Matches.name}}`: variable Matches, field name). */
export type TemplatePart = { text: string } | { variable: string; field?: string };

/** A template's parts, or the problem with it (one line). */
export type ParsedTemplate = { parts: TemplatePart[]; problem?: undefined } | { parts?: undefined; problem: string };

const ACTION = /^\s*\.([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?\s*$/;

/**
 * The subset of text/template a group name uses: text, `{{.Variable}}`,
 * `{{.Matches.name}}` (spaces inside the braces and Go's `{{-`/`-}}`
 * trimming allowed) and `{{/* comments *\/}}`. Variables are not checked here.
 */
export function parseNameTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  let trimNext = false;
  while (i < template.length) {
    const open = template.indexOf('{{', i);
    const literal = template.slice(i, open < 0 ? template.length : open);
    text += trimNext ? literal.replace(/^\s+/, '') : literal;
    trimNext = false;
    if (open < 0) break;
    const close = template.indexOf('}}', open + 2);
    if (close < 0) return { problem: 'unclosed action {{ (expected {{.Comm}}, {{.Matches.name}}, …)' };
    let inner = template.slice(open + 2, close);
    if (inner.startsWith('- ') || inner === '-') {
      text = text.replace(/\s+$/, '');
      inner = inner.slice(1);
    }
    if (inner.endsWith(' -')) {
      trimNext = true;
      inner = inner.slice(0, -1);
    }
    i = close + 2;
    if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(inner)) continue;
    const m = ACTION.exec(inner);
    if (!m) return { problem: `unsupported action {{${inner}}} (a group name uses {{.Comm}}, {{.Matches.name}}, …)` };
    if (text !== '') parts.push({ text });
    text = '';
    parts.push(m[2] === undefined ? { variable: m[1] } : { variable: m[1], field: m[2] });
  }
  if (text !== '') parts.push({ text });
  return { parts };
}

/** The variables a template uses (for deciding what to read). */
export function templateVariables(parts: readonly TemplatePart[]): Set<string> {
  return new Set(parts.flatMap((p) => ('variable' in p ? [p.variable] : [])));
}

// ---- Go's fmt ------------------------------------------------------------------------------

/** Go's filepath.Base: the last element; "." for an empty path, "/" for slashes only. */
export function goBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** A []string as Go's fmt prints it: `[a b]`. */
export function goStringList(values: readonly string[]): string {
  return `[${values.join(' ')}]`;
}

/** A map[string]string as Go's fmt prints it: `map[a:1 b:2]`, keys sorted. */
export function goStringMap(map: Readonly<Record<string, string>>): string {
  const keys = Object.keys(map).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[${keys.map((k) => `${k}:${map[k]}`).join(' ')}]`;
}

/**
 * A UTC time as Go's time.Time.String() prints it: `2026-11-26 00:00:20.5 +0000 UTC`
 * (the fraction without trailing zeros, none when whole). Given in hundredths of
 * a second since the epoch (boot time × 100 + a process's start in clock ticks).
 */
export function goTimeFromCentiseconds(centiseconds: number): string {
  const seconds = Math.floor(centiseconds / 100);
  const fraction = centiseconds - seconds * 100;
  const iso = new Date(seconds * 1000).toISOString(); // 2026-11-26T00:00:20.000Z
  const frac = fraction === 0 ? '' : `.${String(fraction).padStart(2, '0').replace(/0+$/, '')}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac} +0000 UTC`;
}
