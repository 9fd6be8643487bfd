/**
 * The tables keep themselves honest: every handler has a test and at least
 * one fixture that resolves to it from its path alone, and every fixture file
 * resolves to a handler and parses. No hand-kept lists.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import type { Handler } from '../src/handler';
import { parseFile } from '../src/parse';
import { handlers } from '../src/registry';
import { resolveHandler } from '../src/resolve';
import { fixturesRoot, projectRoot } from './support/fixtures';

/** Fixture trees laid out like /proc (and /sys, /), each with a README naming where it came from. */
export const PARSER_FIXTURE_TREES = ['proc', 'linux-3.2', 'synthetic', 'node_exporter', 'debugfs', 'sys', 'rootfs'];

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name !== 'README.md') out.push(full);
  }
  return out;
}

const fixtureFiles = PARSER_FIXTURE_TREES.filter((t) => fs.existsSync(path.join(fixturesRoot, t))).flatMap((t) =>
  walk(path.join(fixturesRoot, t)),
);
const resolved = new Map<string, string[]>();
for (const file of fixtureFiles) {
  const handler = resolveHandler(file, handlers);
  if (handler) resolved.set(handler.name, [...(resolved.get(handler.name) ?? []), file]);
}

describe('consistency of handlers, tests and fixtures', () => {
  it('keys every handler by its own name', () => {
    for (const [key, handler] of Object.entries(handlers)) expect(handler.name, key).to.equal(key);
  });

  it('has a test file for every handler that parses', () => {
    // The attributes of one /sys folder (sysfs/class/net/mtu, sysfs/class/net/speed, …) share the folder's test file.
    const testFiles = (h: Handler<object>): string[] => {
      const own = `test/parsers/${h.name}.test.ts`;
      return h.root === undefined ? [own] : [own, `test/parsers/${path.posix.dirname(h.name)}.test.ts`];
    };
    const missing = Object.values(handlers)
      .filter((h) => h.refuse === undefined)
      .filter((h) => !testFiles(h).some((f) => fs.existsSync(path.join(projectRoot, f))))
      .map((h) => testFiles(h)[0]);
    expect(missing, 'handlers without a test file').to.deep.equal([]);
  });

  it('has a fixture that resolves to every handler that parses', () => {
    const missing = Object.values(handlers)
      .filter((h) => h.refuse === undefined && !resolved.has(h.name))
      .map((h) => h.name);
    expect(missing, 'handlers without a fixture').to.deep.equal([]);
  });

  it('names the source of every fixture tree', () => {
    for (const tree of PARSER_FIXTURE_TREES) {
      if (fs.existsSync(path.join(fixturesRoot, tree))) {
        expect(fs.existsSync(path.join(fixturesRoot, tree, 'README.md')), `fixtures/${tree}/README.md`).to.equal(true);
      }
    }
  });

  it('resolves every fixture file to a handler from its path alone', () => {
    const unknown = fixtureFiles.filter((f) => !resolveHandler(f, handlers)).map((f) => path.relative(fixturesRoot, f));
    expect(unknown, 'fixture files no handler recognises').to.deep.equal([]);
  });

  it('parses every fixture file without error', () => {
    const failures: string[] = [];
    for (const file of fixtureFiles) {
      const handler = resolveHandler(file, handlers);
      if (!handler || handler.refuse !== undefined) continue;
      try {
        parseFile(file);
      } catch (error) {
        failures.push(`${path.relative(fixturesRoot, file)}: ${(error as Error).message}`);
      }
    }
    expect(failures).to.deep.equal([]);
  });
});
