/**
 * The chart's values table (docs/reference/chart-values.md), generated from helm/proc-exporter/values.yaml:
 * every key with a `# -- description` comment is a row (its whole value is the default); maps without one
 * are walked into. `npm run readme` (scripts/readme.ts) writes it; test/readme.test.ts and
 * test/deploy/chart.test.ts check that the doc holds exactly this table.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isScalar, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { PROJECT_ROOT } from '../src/config';

export const valuesPath = path.join(PROJECT_ROOT, 'helm', 'proc-exporter', 'values.yaml');
export const docPath = path.join(PROJECT_ROOT, 'docs', 'reference', 'chart-values.md');
const BEGIN = '<!-- chart-values:start -->';
const END = '<!-- chart-values:end -->';

export interface Row {
  key: string;
  type: string;
  default: string;
  description: string;
}

function describe(comment: string | null | undefined): string | undefined {
  if (!comment) return undefined;
  const lines = comment.split('\n').map((l) => l.replace(/^ ?/, ''));
  const start = lines.findIndex((l) => l.startsWith('-- '));
  if (start < 0) return undefined;
  return lines
    .slice(start)
    .map((l, i) => (i === 0 ? l.slice(3) : l))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function typeOf(v: unknown): string {
  if (Array.isArray(v)) return 'list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return typeof v === 'boolean' ? 'bool' : 'string';
}

export function valuesRows(text = fs.readFileSync(valuesPath, 'utf8')): Row[] {
  const doc = parseDocument(text);
  const rows: Row[] = [];
  const walk = (map: YAMLMap, prefix: string, mapComment: string | null | undefined) => {
    map.items.forEach((pair: Pair, i) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const full = prefix ? `${prefix}.${key}` : key;
      // The comment before the first key of a map is the map's (or the document's).
      const comment = (pair.key as { commentBefore?: string }).commentBefore ?? (i === 0 ? mapComment : undefined);
      const description = describe(comment);
      const value = pair.value as { toJSON?: () => unknown };
      const js = isMap(pair.value) || value?.toJSON ? (pair.value as { toJSON(): unknown }).toJSON() : pair.value;
      if (description !== undefined) {
        rows.push({ key: full, type: typeOf(js), default: JSON.stringify(js), description });
      } else if (isMap(pair.value)) {
        walk(pair.value, full, pair.value.commentBefore);
      } else {
        throw new Error(`values.yaml: ${full} has no "# -- description" comment`);
      }
    });
  };
  if (!isMap(doc.contents)) throw new Error('values.yaml is not a map');
  walk(doc.contents, '', doc.contents.commentBefore ?? doc.commentBefore);
  return rows;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function valuesTable(rows = valuesRows()): string {
  const out = ['| Key | Type | Default | Description |', '| --- | --- | --- | --- |'];
  for (const r of rows) out.push(`| \`${r.key}\` | ${r.type} | \`${cell(r.default)}\` | ${cell(r.description)} |`);
  return out.join('\n');
}

/** The table between the markers of docs/reference/chart-values.md, or undefined. */
export function tableInDoc(doc = fs.readFileSync(docPath, 'utf8')): string | undefined {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) return undefined;
  return doc.slice(a + BEGIN.length, b).trim();
}
