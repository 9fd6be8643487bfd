/**
 * Regenerates the generated sections of README.md from the tables
 * (`npm run readme`); test/readme.test.ts fails when they are stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { handlerNames, handlers } from '../src/registry';

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

export function generatedSections(): Record<string, string> {
  return { handlers: handlerTable() };
}

if (require.main === module) {
  let text = fs.readFileSync(README, 'utf8');
  for (const [section, body] of Object.entries(generatedSections())) text = replaceSection(text, section, body);
  fs.writeFileSync(README, text);
}
