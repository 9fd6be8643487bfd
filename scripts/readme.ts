/**
 * Regenerates the generated sections of README.md from the tables
 * (`npm run readme`); test/readme.test.ts fails when they are stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { handlerPattern } from '../src/handler';
import { handlerNames, handlers } from '../src/registry';
import { collectors } from '../collectors/index';
import { optionFlag } from '../src/config';

export const README = path.join(__dirname, '..', '..', 'README.md');

export function handlerTable(): string {
  const where = (name: string): string => {
    const handler = handlers[name];
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
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
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
  for (let changed = true; changed; ) {
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

export function generatedSections(): Record<string, string> {
  return { handlers: handlerTable(), collectors: collectorTable(), metrics: metricsTable() };
}

if (require.main === module) {
  let text = fs.readFileSync(README, 'utf8');
  for (const [section, body] of Object.entries(generatedSections())) text = replaceSection(text, section, body);
  fs.writeFileSync(README, text);
}
