/**
 * Hostile variants of real fixture text for property-based parser tests:
 * truncation at a line or mid-line, deleted and duplicated lines, numbers
 * swapped for huge (up to 400 digits), negative or non-numeric text, megabyte
 * lines, NUL bytes, CRLF endings and plain random bytes. Shared by the CI test
 * and `npm run fuzz`. Besides "records or ParseError", the contract checked is
 * that no record holds a non-finite number (NaN, ±Infinity), at any depth.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { ParseError } from '../../src/errors';
import type { Handler } from '../../src/handler';
import { MAX_SKIPPED, parseKeepingGoing, readForHandler, RECOVERY } from '../../src/parse';
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

/** 400 digits: past float64's range (1.8e308), where Number() gives Infinity. */
export const HUGE_NUMBER = '9'.repeat(400);
const hostileNumbers = [
  '99999999999999999999999999',
  HUGE_NUMBER,
  `${'1'.repeat(200)}.${'5'.repeat(200)}`,
  '-1',
  '-42',
  'NaN',
  'abc',
  '0x',
  '1e309',
  '',
  '+',
  '١٢',
  'Infinity',
  '007',
  '+5',
];

function mutate(text: string, op: number, a: number, b: number, pick: number): string {
  const lines = text.split('\n');
  const i = lines.length === 0 ? 0 : a % lines.length;
  switch (op) {
    case 0: // truncate after a line
      return lines.slice(0, i).join('\n');
    case 1: {
      // truncate mid-line
      const cut = lines.slice(0, i).join('\n').length + (lines[i] ? b % (lines[i].length + 1) : 0);
      return text.slice(0, cut);
    }
    case 2: // delete a line
      return [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
    case 3: // duplicate a line
      return [...lines.slice(0, i + 1), lines[i] ?? '', ...lines.slice(i + 1)].join('\n');
    case 4: {
      // replace the b-th number of a line
      let n = 0;
      const target = b % 8;
      lines[i] = (lines[i] ?? '').replace(/\d+/g, (m) => (n++ === target ? hostileNumbers[pick % hostileNumbers.length] : m));
      return lines.join('\n');
    }
    case 5: // a 1 MB line
      return [...lines.slice(0, i), 'x'.repeat(1024 * 1024), ...lines.slice(i)].join('\n');
    case 6: {
      // NUL bytes
      const at = b % (text.length + 1);
      return `${text.slice(0, at)}\0\0${text.slice(at)}`;
    }
    case 7: // CRLF endings
      return text.replace(/\n/g, '\r\n');
    case 8: // every number of a line swapped
      lines[i] = (lines[i] ?? '').replace(/\d+/g, hostileNumbers[pick % hostileNumbers.length]);
      return lines.join('\n');
    default: {
      // the b-th number of a line grown to 400 digits, keeping its own digits first (hexadecimal runs too)
      let n = 0;
      const target = b % 8;
      lines[i] = (lines[i] ?? '').replace(/[0-9a-fA-F]+/g, (m) => (n++ === target ? (m + HUGE_NUMBER).slice(0, 400) : m));
      return lines.join('\n');
    }
  }
}

export const OPERATIONS = 10;

/** Where a record holds a number that is not finite (`records[3].cpus.CPU1`), or undefined. */
export function nonFinite(value: unknown, where = 'records'): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${where} is ${value}`;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = nonFinite(inner, Array.isArray(value) ? `${where}[${key}]` : `${where}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** One parse under the contract: records with finite numbers, or a ParseError. */
function contract(parse: () => object[], what: string): string | undefined {
  try {
    const records = parse();
    if (!Array.isArray(records)) return `${what} did not return an array`;
    const found = nonFinite(records);
    if (found !== undefined) return `a non-finite number left the ${what}: ${found}`;
  } catch (error) {
    if (!(error instanceof ParseError))
      return `${what} threw ${(error as Error)?.name ?? typeof error}: ${(error as Error)?.message ?? String(error)}`;
  }
  return undefined;
}

/**
 * A failure of the contract, or undefined: records or ParseError are both
 * fine — for the parser, and for the parse that keeps going past bad records
 * (the exporter's) where the handler degrades.
 */
export function checkParse(handler: Handler<object>, text: string): string | undefined {
  const file = `fuzz/${handler.name}`;
  let started = performance.now();
  const strict = contract(() => handler.parse(text, file), 'parser');
  if (strict !== undefined) return strict;
  let took = performance.now() - started;
  if (took > SLOW_PARSE_MS) return `took ${took.toFixed(0)} ms`;
  if (!Object.prototype.hasOwnProperty.call(RECOVERY, handler.name)) return undefined;
  started = performance.now();
  const lenient = contract(() => parseKeepingGoing(handler, text, file).records, 'parse keeping going');
  if (lenient !== undefined) return lenient;
  took = performance.now() - started;
  // It may parse the file up to MAX_SKIPPED + 1 times.
  return took > SLOW_PARSE_MS * (MAX_SKIPPED + 1) ? `keeping going took ${took.toFixed(0)} ms` : undefined;
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
  return fc.property(
    fc.oneof(
      mutated.map((m) => mutate(texts[m.fixture], m.op, m.a, m.b, m.pick)),
      random,
    ),
    (text) => {
      const problem = checkParse(handler, text);
      if (problem !== undefined) throw new Error(`${handler.name}: ${problem} on input ${JSON.stringify(text.slice(0, 300))}`);
    },
  );
}
