/**
 * The exporter's data model and its two serializations: Prometheus text format
 * 0.0.4 and OpenMetrics 1.0.0. A family is written once per snapshot and the
 * string is cached (see snapshot.ts); nothing here is called per request.
 *
 * `untyped` is kept as node_exporter uses it (OpenMetrics calls it `unknown`).
 */

export type MetricType = 'counter' | 'gauge' | 'untyped' | 'histogram' | 'summary';

export type Labels = Record<string, string>;

export interface Sample {
  /** Full sample name when it differs from the family's (histogram `_bucket`, `_sum`, `_count`). */
  name?: string;
  labels: Labels;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: MetricType;
  samples: Sample[];
}

export type ExpositionFormat = 'text' | 'openmetrics';

export const CONTENT_TYPES: Record<ExpositionFormat, string> = {
  text: 'text/plain; version=0.0.4; charset=utf-8',
  openmetrics: 'application/openmetrics-text; version=1.0.0; charset=utf-8',
};

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function isValidMetricName(name: string): boolean {
  return METRIC_NAME.test(name);
}

export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name) && !name.startsWith('__');
}

/** Replaces every character a metric name may not contain with `_` (node_exporter's rule for kernel-given names). */
export function sanitizeMetricName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9_:]/g, '_');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** Whether a string holds a character the formats escape (backslash, newline, double quote). */
const NEEDS_ESCAPE = /[\\\n"]/;

function escapeLabelValue(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(help: string, format: ExpositionFormat): string {
  const text = help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return format === 'openmetrics' ? text.replace(/"/g, '\\"') : text;
}

function formatLabels(labels: Labels): string {
  const names = Object.keys(labels);
  if (names.length === 0) return '';
  let out = '{';
  for (let i = 0; i < names.length; i++) out += `${i === 0 ? '' : ','}${names[i]}="${escapeLabelValue(labels[names[i]])}"`;
  return `${out}}`;
}

/** The family name OpenMetrics uses: counters lose their `_total` (their samples carry it). */
function openMetricsFamilyName(family: MetricFamily): string {
  return family.type === 'counter' && family.name.endsWith('_total') ? family.name.slice(0, -'_total'.length) : family.name;
}

/** One family in the given format, ending with a newline. */
export function serializeFamily(family: MetricFamily, format: ExpositionFormat): string {
  const lines: string[] = [];
  if (format === 'text') {
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help, format)}`);
    lines.push(`# TYPE ${family.name} ${family.type}`);
    for (const s of family.samples) lines.push(`${s.name ?? family.name}${formatLabels(s.labels)} ${formatValue(s.value)}`);
  } else {
    const name = openMetricsFamilyName(family);
    // A counter named without _total (process-exporter's namedprocess_scrape_errors) would be stored as
    // <name>_total from OpenMetrics but <name> from the text format: as unknown it keeps its name in both.
    const keepsName = family.type === 'counter' && !family.name.endsWith('_total');
    const type = family.type === 'untyped' || keepsName ? 'unknown' : family.type;
    lines.push(`# TYPE ${name} ${type}`);
    lines.push(`# HELP ${name} ${escapeHelp(family.help, format)}`);
    for (const s of family.samples) {
      const sampleName = s.name ?? (family.type === 'counter' && !keepsName ? `${name}_total` : family.name);
      lines.push(`${sampleName}${formatLabels(s.labels)} ${formatValue(s.value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function serializeFamilies(families: readonly MetricFamily[], format: ExpositionFormat): string {
  let out = '';
  for (const family of families) out += serializeFamily(family, format);
  return out;
}

/** Orders a family's samples as client_golang does: by label values, label by label. */
export function compareLabels(a: Labels, b: Labels): number {
  const an = Object.keys(a);
  const bn = Object.keys(b);
  const n = Math.min(an.length, bn.length);
  for (let i = 0; i < n; i++) {
    if (an[i] !== bn[i]) return an[i] < bn[i] ? -1 : 1;
    const av = a[an[i]];
    const bv = b[bn[i]];
    if (av !== bv) return av < bv ? -1 : 1;
  }
  return an.length - bn.length;
}
