/**
 * A strict parser of the Prometheus text format 0.0.4 (what node_exporter's
 * textfile collector accepts through expfmt.TextParser), for *.prom files.
 * Checked against node_exporter 1.5.0 on the same files: values are Go's
 * strconv.ParseFloat without `p`, `P` or `_` (expfmt's parseFloat), so no hex
 * (`0x10`), no digit separators, no overflow (`1e400`), but `Inf`, `infinity`,
 * `nan` in any case and `1e-400` (0); only blanks and tabs separate tokens (a
 * CR of CRLF line endings ends up in the value, which is then invalid); a
 * blank after the value must start a timestamp; invalid UTF-8 is refused on
 * sample lines and replaced in comments (decodeTextFormat).
 * Throws TextFormatError, naming the line, on anything expfmt rejects and on
 * what would make node_exporter's gather fail later (a duplicate series, a
 * sample with a timestamp, which node_exporter refuses per file).
 *
 * Families keep the file's order of appearance; histogram (`_bucket`, `_sum`,
 * `_count`) and summary (`{quantile}`, `_sum`, `_count`) samples are grouped
 * under their family when its TYPE line says so.
 */
import { isUtf8 } from 'buffer';
import { isValidLabelName, isValidMetricName, type Labels, type MetricType } from './exposition';

export class TextFormatError extends Error {
  override readonly name = 'TextFormatError';
}

export interface ParsedSample {
  /** The sample's own name (`x_bucket`, `x_sum` for a histogram `x`). */
  name: string;
  labels: Labels;
  value: number;
}

export interface ParsedFamily {
  name: string;
  help?: string;
  type: MetricType;
  samples: ParsedSample[];
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)(inf|infinity)$/i;

/**
 * A number as expfmt reads one (Go's strconv.ParseFloat, `p`, `P` and `_`
 * refused): undefined when it does not parse or overflows.
 */
export function parseGoFloat(text: string): number | undefined {
  const inf = INFINITY.exec(text);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** An `le` or `quantile` label value as a number (validated by parseTextFormat); NaN when it is none. */
export function parseBound(text: string): number {
  return parseGoFloat(text) ?? NaN;
}

const TYPES = new Set(['counter', 'gauge', 'untyped', 'histogram', 'summary']);

function parseValue(text: string, line: number): number {
  const value = parseGoFloat(text);
  if (value === undefined) {
    const why = DECIMAL.test(text) ? 'value out of range' : 'invalid value';
    throw new TextFormatError(`line ${line}: ${why} ${JSON.stringify(text)}`);
  }
  return value;
}

/**
 * The text of a *.prom file: UTF-8, refused with the line number when a sample
 * line is not valid UTF-8 (expfmt refuses such a label value or name); a
 * comment or HELP line that is not keeps its place with U+FFFD, as
 * node_exporter reads those lines without checking them.
 */
export function decodeTextFormat(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const lines: string[] = [];
  let start = 0;
  for (let n = 1; start <= bytes.length; n++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end);
    if (!isUtf8(line)) {
      let i = 0;
      while (line[i] === 0x20 || line[i] === 0x09) i++;
      if (line[i] !== 0x23) throw new TextFormatError(`line ${n}: invalid UTF-8`);
    }
    lines.push(line.toString('utf8'));
    start = end + 1;
  }
  return lines.join('\n');
}

/** `{a="x",b="y"}` starting at `at`; returns the labels and the index after `}`. */
function parseLabels(text: string, at: number, line: number): [Labels, number] {
  const labels: Labels = {};
  let i = at + 1;
  const fail = (why: string): never => {
    throw new TextFormatError(`line ${line}: ${why}`);
  };
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] === '}') return [labels, i + 1];
    const nameStart = i;
    while (i < text.length && /[a-zA-Z0-9_]/.test(text[i])) i++;
    const name = text.slice(nameStart, i);
    if (!isValidLabelName(name)) fail(`invalid label name ${JSON.stringify(name)}`);
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== '=') fail(`expected "=" after label ${name}`);
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== '"') fail(`expected a quoted value for label ${name}`);
    i++;
    let value = '';
    for (;;) {
      if (i >= text.length) fail(`unterminated value of label ${name}`);
      const c = text[i++];
      if (c === '"') break;
      if (c === '\\') {
        const e = text[i++];
        if (e === '\\') value += '\\';
        else if (e === '"') value += '"';
        else if (e === 'n') value += '\n';
        else fail(`invalid escape \\${e ?? ''} in label ${name}`);
      } else value += c;
    }
    if (Object.prototype.hasOwnProperty.call(labels, name)) fail(`label ${name} repeated`);
    labels[name] = value;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] === ',') i++;
    else if (text[i] !== '}') fail('expected "," or "}" in the label set');
  }
}

/** The family a sample name belongs to, given the TYPEs declared so far. */
function familyOf(name: string, types: Map<string, MetricType>): string {
  for (const suffix of ['_bucket', '_sum', '_count']) {
    if (!name.endsWith(suffix)) continue;
    const base = name.slice(0, -suffix.length);
    const type = types.get(base);
    if (type === 'histogram' || (type === 'summary' && suffix !== '_bucket')) return base;
  }
  return name;
}

export function parseTextFormat(text: string): ParsedFamily[] {
  const families = new Map<string, ParsedFamily>();
  const types = new Map<string, MetricType>();
  const seriesSeen = new Set<string>();
  const family = (name: string): ParsedFamily => {
    let f = families.get(name);
    if (!f) {
      f = { name, type: types.get(name) ?? 'untyped', samples: [] };
      families.set(name, f);
    }
    return f;
  };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = n + 1;
    const raw = lines[n];
    // Only blanks and tabs are white space here (not a CR, not a byte-order mark).
    let i = 0;
    while (raw[i] === ' ' || raw[i] === '\t') i++;
    if (i === raw.length) continue;
    if (raw[i] === '#') {
      const m = /^#[ \t]+(HELP|TYPE)[ \t]+([^ \t]+)(?:[ \t]+(.*))?$/s.exec(raw.slice(i));
      if (!m) continue; // any other comment
      const [, keyword, name, rest = ''] = m;
      if (!isValidMetricName(name)) throw new TextFormatError(`line ${line}: invalid metric name ${JSON.stringify(name)}`);
      const f = families.get(name);
      if (keyword === 'HELP') {
        if (f?.help !== undefined) throw new TextFormatError(`line ${line}: second HELP line for metric name ${name}`);
        family(name).help = rest.replace(/\\(\\|n)/g, (_s, e: string) => (e === 'n' ? '\n' : '\\'));
      } else {
        const type = rest.replace(/[ \t]+$/, '');
        if (!TYPES.has(type)) throw new TextFormatError(`line ${line}: unknown metric type ${JSON.stringify(type)}`);
        if (types.has(name)) throw new TextFormatError(`line ${line}: second TYPE line for metric name ${name}`);
        if (f && f.samples.length > 0) throw new TextFormatError(`line ${line}: TYPE line for ${name} after its samples`);
        types.set(name, type as MetricType);
        family(name).type = type as MetricType;
      }
      continue;
    }
    const body = raw;
    const nameStart = i;
    while (i < body.length && /[a-zA-Z0-9_:]/.test(body[i])) i++;
    const name = body.slice(nameStart, i);
    if (!isValidMetricName(name))
      throw new TextFormatError(`line ${line}: invalid metric name ${JSON.stringify(name === '' ? body[i] : name)}`);
    while (body[i] === ' ' || body[i] === '\t') i++;
    let labels: Labels = {};
    if (body[i] === '{') [labels, i] = parseLabels(body, i, line);
    while (body[i] === ' ' || body[i] === '\t') i++;
    const valueStart = i;
    while (i < body.length && body[i] !== ' ' && body[i] !== '\t') i++;
    const valueText = body.slice(valueStart, i);
    if (valueText === '') throw new TextFormatError(`line ${line}: missing value for ${name}`);
    if (i < body.length) {
      // After the value, a blank starts a timestamp (expfmt): trailing blanks are an empty one.
      while (body[i] === ' ' || body[i] === '\t') i++;
      if (i === body.length)
        throw new TextFormatError(`line ${line}: expected a timestamp after the value of ${name}, got the end of the line`);
      throw new TextFormatError(`line ${line}: ${name} has a client-side timestamp (unsupported)`);
    }
    const value = parseValue(valueText, line);
    const f = family(familyOf(name, types));
    if (f.type === 'histogram' && name === `${f.name}_bucket` && labels.le === undefined)
      throw new TextFormatError(`line ${line}: ${name} without le`);
    if (f.type === 'summary' && name === f.name && labels.quantile === undefined)
      throw new TextFormatError(`line ${line}: ${name} without quantile`);
    for (const [label, type] of [
      ['le', 'histogram'],
      ['quantile', 'summary'],
    ] as const) {
      if (f.type === type && labels[label] !== undefined && parseGoFloat(labels[label]) === undefined) {
        throw new TextFormatError(`line ${line}: expected a number as the value of the ${label} label`);
      }
    }
    if (f.type === 'histogram' && name === f.name)
      throw new TextFormatError(`line ${line}: histogram ${name} sample without _bucket, _sum or _count`);
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seriesSeen.has(key)) throw new TextFormatError(`line ${line}: duplicate series ${name}`);
    seriesSeen.add(key);
    f.samples.push({ name, labels, value });
  }
  return [...families.values()].filter((f) => f.samples.length > 0);
}
