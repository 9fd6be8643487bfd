/**
 * A strict parser of the Prometheus text format 0.0.4 (what node_exporter's
 * textfile collector accepts through expfmt.TextParser), for *.prom files.
 * Throws TextFormatError, naming the line, on anything expfmt rejects and on
 * what would make node_exporter's gather fail later (a duplicate series, a
 * sample with a timestamp, which node_exporter refuses per file).
 *
 * Families keep the file's order of appearance; histogram (`_bucket`, `_sum`,
 * `_count`) and summary (`{quantile}`, `_sum`, `_count`) samples are grouped
 * under their family when its TYPE line says so.
 */
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

/** An `le` or `quantile` label value as a number (validated by parseTextFormat). */
export function parseBound(text: string): number {
  return text === '+Inf' || text === 'Inf' ? Infinity : text === '-Inf' ? -Infinity : Number(text);
}

const TYPES = new Set(['counter', 'gauge', 'untyped', 'histogram', 'summary']);

function parseValue(text: string, line: number): number {
  if (text === 'NaN') return NaN;
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && !/^[+-]?0[xX][0-9a-fA-F]+$/.test(text)) {
    throw new TextFormatError(`line ${line}: invalid value ${JSON.stringify(text)}`);
  }
  return Number(text);
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
    const raw = lines[n].replace(/\r$/, '');
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s+(.*))?$/.exec(trimmed);
      if (!m) continue; // any other comment
      const [, keyword, name, rest = ''] = m;
      if (!isValidMetricName(name)) throw new TextFormatError(`line ${line}: invalid metric name ${JSON.stringify(name)}`);
      const f = families.get(name);
      if (keyword === 'HELP') {
        if (f?.help !== undefined) throw new TextFormatError(`line ${line}: second HELP line for metric name ${name}`);
        family(name).help = rest.replace(/\\(\\|n)/g, (_s, e: string) => (e === 'n' ? '\n' : '\\'));
      } else {
        if (!TYPES.has(rest)) throw new TextFormatError(`line ${line}: unknown metric type ${JSON.stringify(rest)}`);
        if (types.has(name)) throw new TextFormatError(`line ${line}: second TYPE line for metric name ${name}`);
        if (f && f.samples.length > 0) throw new TextFormatError(`line ${line}: TYPE line for ${name} after its samples`);
        types.set(name, rest as MetricType);
        family(name).type = rest as MetricType;
      }
      continue;
    }
    const body = raw.trimStart();
    let i = 0;
    while (i < body.length && /[a-zA-Z0-9_:]/.test(body[i])) i++;
    const name = body.slice(0, i);
    if (!isValidMetricName(name)) throw new TextFormatError(`line ${line}: invalid metric name ${JSON.stringify(name)}`);
    let labels: Labels = {};
    if (body[i] === '{') [labels, i] = parseLabels(body, i, line);
    const rest = body.slice(i).trim().split(/[ \t]+/);
    if (rest.length === 0 || rest[0] === '') throw new TextFormatError(`line ${line}: missing value for ${name}`);
    if (rest.length > 2) throw new TextFormatError(`line ${line}: unexpected text after the value of ${name}`);
    if (rest.length === 2) throw new TextFormatError(`line ${line}: ${name} has a client-side timestamp (unsupported)`);
    const value = parseValue(rest[0], line);
    const f = family(familyOf(name, types));
    if (f.type === 'histogram' && name === `${f.name}_bucket` && labels.le === undefined) throw new TextFormatError(`line ${line}: ${name} without le`);
    if (f.type === 'summary' && name === f.name && labels.quantile === undefined) throw new TextFormatError(`line ${line}: ${name} without quantile`);
    for (const [label, type] of [['le', 'histogram'], ['quantile', 'summary']] as const) {
      if (f.type === type && labels[label] !== undefined && Number.isNaN(parseBound(labels[label]))) {
        throw new TextFormatError(`line ${line}: expected a number as the value of the ${label} label`);
      }
    }
    if (f.type === 'histogram' && name === f.name) throw new TextFormatError(`line ${line}: histogram ${name} sample without _bucket, _sum or _count`);
    const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seriesSeen.has(key)) throw new TextFormatError(`line ${line}: duplicate series ${name}`);
    seriesSeen.add(key);
    f.samples.push({ name, labels, value });
  }
  return [...families.values()].filter((f) => f.samples.length > 0);
}
