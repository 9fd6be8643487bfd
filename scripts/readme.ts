/**
 * Regenerates the generated sections (`npm run readme`): README.md's table of
 * contents, and the reference under docs/reference/ — the handlers, the
 * collectors, their metrics and the chart's values — from the tables they
 * describe. test/readme.test.ts fails when any is stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { handlerPattern, type Handler } from '../src/handler';
import { handlerNames, handlers } from '../src/registry';
import { collectors } from '../collectors/index';
import { optionFlag, PROJECT_ROOT } from '../src/config';
import type { ScalingFigure } from '../bench/scaling';
import { valuesTable } from './chart-values';

export const README = path.join(PROJECT_ROOT, 'README.md');

export function handlerTable(): string {
  const where = (name: string): string => {
    const handler = handlers[name] as Handler<object>;
    if (handler.root === undefined) return `\`${name}\``;
    return `\`${name}\` (\`${handler.root === 'sysfs' ? '/sys/' : '/'}${handlerPattern(handler)}\`)`;
  };
  const rows = handlerNames().map((name) => `| ${where(name)} | ${handlers[name].summary.replace(/\|/g, '\\|')} |`);
  return ['| handler | what it parses |', '|:---|:---|', ...rows].join('\n');
}

export function replaceSection(text: string, section: string, body: string): string {
  const start = `<!-- ${section}:start -->`;
  const end = `<!-- ${section}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start} … ${end} section`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

/** The collectors of collectors/index.ts: name, default state (node_exporter's), flags with their defaults. */
export function collectorTable(): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const rows = Object.values(collectors)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((c) => {
      const flags = Object.entries(c.options ?? {}).map(([option, spec]) => {
        const unset = spec.default === undefined || spec.default === '' || (Array.isArray(spec.default) && spec.default.length === 0);
        const value = unset ? 'unset' : `\`${cell(String(spec.default))}\``;
        return `\`${optionFlag(c.name, option)}\` (${value})`;
      });
      return `| ${c.name} | ${c.defaultEnabled ? 'enabled' : 'disabled'} | ${flags.join('<br>') || '—'} | ${cell(c.description)} |`;
    });
  return ['| collector | default | flags (default) | reads |', '|:---|:---|:---|:---|', ...rows].join('\n');
}

/** `node_disk_{reads,writes}_total` → its `_`-separated parts, a `{…}` or `<…>` group being one part. */
function nameParts(name: string): string[] {
  return name.match(/(?:\{[^}]*\}|<[^>]*>|\[[^\]]*\]|[^_{<[])+/g) ?? [name];
}

/**
 * Metric names written shortly: names with the same labels that differ in one
 * part only become one, the part in braces (`node_load1`… stay apart, their
 * parts differ inside a word), repeatedly: `node_disk_{reads,writes}_{completed,merged}_total`.
 */
export function compressNames(entries: readonly { name: string; labels: string }[]): string[] {
  let items = entries.map((e) => ({ parts: nameParts(e.name), labels: e.labels }));
  for (let changed = true; changed;) {
    changed = false;
    const longest = Math.max(0, ...items.map((i) => i.parts.length));
    for (let at = 0; at < longest; at++) {
      const merged = new Map<string, { parts: string[]; labels: string; options: string[] }>();
      for (const item of items) {
        const key = `${item.labels}|${item.parts.length}|${item.parts.map((p, i) => (i === at ? '*' : p)).join('_')}`;
        const group = merged.get(key);
        const option = item.parts[at] ?? '';
        if (!group) merged.set(key, { parts: item.parts, labels: item.labels, options: [option] });
        else if (!group.options.includes(option)) group.options.push(option);
      }
      const next = [...merged.values()].map((g) => {
        if (g.options.length === 1) return { parts: g.parts, labels: g.labels };
        const options = g.options.flatMap((o) => (o.startsWith('{') ? o.slice(1, -1).split(',') : [o]));
        return { parts: g.parts.map((p, i) => (i === at ? `{${options.join(',')}}` : p)), labels: g.labels };
      });
      if (next.length < items.length) changed = true;
      items = next;
    }
  }
  return items.map((i) => `${i.parts.join('_')}${i.labels === '' ? '' : `{${i.labels}}`}`);
}

/** The metrics of each collector, from its definition: names (or their pattern) and label names. */
export function metricsTable(): string {
  const rows = Object.values(collectors)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((c) => {
      const entries: { name: string; labels: string }[] = [];
      for (const m of c.metrics) {
        const name = typeof m.name === 'string' ? m.name : m.namePattern!;
        const labels = Object.keys(m.labels ?? {}).join(',');
        if (!entries.some((e) => e.name === name && e.labels === labels)) entries.push({ name, labels });
      }
      const names = [...compressNames(entries), ...(c.familyNames ?? [])];
      const types = [...new Set(c.metrics.map((m) => m.type))].sort().join(', ');
      return `| ${c.name} | ${names.map((n) => `\`${n.replace(/\|/g, '\\|')}\``).join(', ')} | ${types || '—'} |`;
    });
  return ['| collector | metrics | types |', '|:---|:---|:---|', ...rows].join('\n');
}

/** A figure with the digits that mean something on a noisy machine (3 significant, whole numbers from 100). */
function figure(value: number): string {
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3);
}

/**
 * README's scaling table, from bench/scaling-results.json (what the last full `npm run bench` measured):
 * per dimension the collectors, the cost at each size, the least-squares slope and the linearity check.
 */
export function scalingTable(results: string): string {
  const r = JSON.parse(results) as {
    date: string;
    command: string;
    machine: { nproc: number; cpu: string; kernel: string; node: string };
    figures: ScalingFigure[];
  };
  const rows = r.figures.map((f) => {
    const sizes = f.points.map((p) => p.n.toLocaleString('en-US')).join(' · ');
    const costs = f.points.map((p) => figure(p.ms)).join(' · ');
    const check = `${f.linearity.toFixed(2)}× ${f.linearity <= 1.5 ? '(ok)' : '(**miss**)'}`;
    return `| ${f.name} | ${f.collectors.join(', ')} | ${sizes} | ${costs} | ${figure(f.slopeUs)} µs per ${f.unit} | ${check} |`;
  });
  const m = r.machine;
  return [
    '| what grows | collectors | sizes | CPU ms per cycle | slope (least squares) | upper / lower half slope (≤ 1.5×) |',
    '|:---|:---|---:|---:|---:|---:|',
    ...rows,
    '',
    `\`${r.command}\`, ${r.date.slice(0, 10)}: ${m.nproc} × ${m.cpu}, Linux ${m.kernel}, Node ${m.node} (\`bench/scaling-results.json\`).`,
  ].join('\n');
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/**
 * README's table of contents: one line per `##` section, its `###` subsections after it, from the
 * headings outside code blocks (a shell comment in a code block is no heading).
 */
export function tableOfContents(markdown: string): string {
  const lines: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const m = fenced ? null : /^(##|###) (.+)$/.exec(line);
    if (!m) continue;
    const link = `[${m[2]}](#${anchorOf(m[2])})`;
    if (m[1] === '##') lines.push(`- ${link}`);
    else lines[lines.length - 1] += lines[lines.length - 1].includes(': ') ? ` · ${link}` : `: ${link}`;
  }
  return lines.join('\n');
}

/** The reference under docs/reference/, each file's generated sections. */
export const REFERENCE = {
  'docs/reference/handlers.md': () => ({ handlers: handlerTable() }),
  'docs/reference/collectors.md': () => ({ collectors: collectorTable() }),
  'docs/reference/metrics.md': () => ({ metrics: metricsTable() }),
  'docs/reference/chart-values.md': () => ({ 'chart-values': valuesTable() }),
} satisfies Record<string, () => Record<string, string>>;

/** Every generated file, with its text as it should be: `files` gives a file's current text (by path from the project root). */
export function regenerated(files: (relative: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, sections] of Object.entries(REFERENCE)) {
    let text = files(file);
    for (const [section, body] of Object.entries(sections())) text = replaceSection(text, section, body);
    out[file] = text;
  }
  const readme = replaceSection(files('README.md'), 'scaling', scalingTable(files('bench/scaling-results.json')));
  out['README.md'] = replaceSection(readme, 'toc', tableOfContents(readme));
  return out;
}

if (require.main === module) {
  const read = (relative: string): string => fs.readFileSync(path.join(PROJECT_ROOT, relative), 'utf8');
  for (const [file, text] of Object.entries(regenerated(read))) fs.writeFileSync(path.join(PROJECT_ROOT, file), text);
}
