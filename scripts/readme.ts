/**
 * Regenerates the generated sections of README.md from the tables
 * (`npm run readme`); test/readme.test.ts fails when they are stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { handlerNames, handlers } from '../src/registry';
import { collectors } from '../collectors/index';
import { optionFlag } from '../src/exporter/config';

export const README = path.join(__dirname, '..', '..', 'README.md');

export function handlerTable(): string {
  const rows = handlerNames().map((name) => `| \`${name}\` | ${handlers[name].summary.replace(/\|/g, '\\|')} |`);
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

export function generatedSections(): Record<string, string> {
  return { handlers: handlerTable(), collectors: collectorTable() };
}

if (require.main === module) {
  let text = fs.readFileSync(README, 'utf8');
  for (const [section, body] of Object.entries(generatedSections())) text = replaceSection(text, section, body);
  fs.writeFileSync(README, text);
}
