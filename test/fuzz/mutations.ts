/**
 * Hostile variants of real fixture text for property-based parser tests:
 * truncation at a line or mid-line, deleted and duplicated lines, numbers
 * swapped for huge, negative or non-numeric text, megabyte lines, NUL bytes,
 * CRLF endings and plain random bytes. Shared by the CI test and `npm run fuzz`.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { ParseError } from '../../src/errors';
import type { Handler } from '../../src/handler';
import { readForHandler } from '../../src/parse';
import { handlers } from '../../src/registry';
import { resolveHandler } from '../../src/resolve';
import { fixturesRoot } from '../support/fixtures';

const TREES = ['proc', 'linux-3.2', 'synthetic', 'node_exporter', 'debugfs', 'sys', 'rootfs'];
/** Larger fixtures are cut to this many characters first so that a case stays cheap. */
const MAX_FIXTURE = 64 * 1024;
export const SLOW_PARSE_MS = 1000;

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name !== 'README.md') out.push(full);
  }
}

/** Fixture texts per handler name, read the way each handler reads its file. */
export function fixtureTexts(): Map<string, string[]> {
  const files: string[] = [];
  for (const tree of TREES) {
    const dir = path.join(fixturesRoot, tree);
    if (fs.existsSync(dir)) walk(dir, files);
  }
  const texts = new Map<string, string[]>();
  for (const file of files) {
    const handler = resolveHandler(file, handlers);
    if (!handler || handler.refuse !== undefined) continue;
    const text = readForHandler(file, handler);
    if (text === undefined) continue;
    texts.set(handler.name, [...(texts.get(handler.name) ?? []), text.slice(0, MAX_FIXTURE)]);
  }
  return texts;
}

const hostileNumbers = ['99999999999999999999999999', '-1', '-42', 'NaN', 'abc', '0x', '1e309', '', '+', '١٢'];

function mutate(text: string, op: number, a: number, b: number, pick: number): string {
  const lines = text.split('\n');
  const i = lines.length === 0 ? 0 : a % lines.length;
  switch (op) {
    case 0: // truncate after a line
      return lines.slice(0, i).join('\n');
    case 1: { // truncate mid-line
      const cut = lines.slice(0, i).join('\n').length + (lines[i] ? b % (lines[i].length + 1) : 0);
      return text.slice(0, cut);
    }
    case 2: // delete a line
      return [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
    case 3: // duplicate a line
      return [...lines.slice(0, i + 1), lines[i] ?? '', ...lines.slice(i + 1)].join('\n');
    case 4: { // replace the b-th number of a line
      let n = 0;
      const target = b % 8;
      lines[i] = (lines[i] ?? '').replace(/\d+/g, (m) => (n++ === target ? hostileNumbers[pick % hostileNumbers.length] : m));
      return lines.join('\n');
    }
    case 5: // a 1 MB line
      return [...lines.slice(0, i), 'x'.repeat(1024 * 1024), ...lines.slice(i)].join('\n');
    case 6: { // NUL bytes
      const at = b % (text.length + 1);
      return `${text.slice(0, at)}\0\0${text.slice(at)}`;
    }
    case 7: // CRLF endings
      return text.replace(/\n/g, '\r\n');
    default: // every number of a line swapped
      lines[i] = (lines[i] ?? '').replace(/\d+/g, hostileNumbers[pick % hostileNumbers.length]);
      return lines.join('\n');
  }
}

export const OPERATIONS = 9;

/** A failure of the contract, or undefined: records or ParseError are both fine. */
export function checkParse(handler: Handler<object>, text: string): string | undefined {
  const started = performance.now();
  try {
    const records = handler.parse(text, `fuzz/${handler.name}`);
    if (!Array.isArray(records)) return 'parse did not return an array';
  } catch (error) {
    if (!(error instanceof ParseError)) return `threw ${(error as Error)?.name ?? typeof error}: ${(error as Error)?.message ?? String(error)}`;
  }
  const took = performance.now() - started;
  return took > SLOW_PARSE_MS ? `took ${took.toFixed(0)} ms` : undefined;
}

/** The property for one handler: every mutation of every fixture parses or throws ParseError. */
export function handlerProperty(handler: Handler<object>, texts: string[]) {
  const mutated = fc.record({
    fixture: fc.nat({ max: texts.length - 1 }),
    op: fc.nat({ max: OPERATIONS - 1 }),
    a: fc.nat(),
    b: fc.nat(),
    pick: fc.nat(),
  });
  const random = fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes).toString('latin1'));
  return fc.property(fc.oneof(mutated.map((m) => mutate(texts[m.fixture], m.op, m.a, m.b, m.pick)), random), (text) => {
    const problem = checkParse(handler, text);
    if (problem !== undefined) throw new Error(`${handler.name}: ${problem} on input ${JSON.stringify(text.slice(0, 300))}`);
  });
}
