/**
 * The parser layout rule (docs/parsers.md): the handler for /proc/X/Y lives at
 * src/parsers/X/Y.ts, exported from there and from nowhere else; a format that
 * several files share lives in src/parsers/formats/ and each file keeps its
 * entry at the mirrored path. Derived from the registry, no hand-kept list of
 * handlers.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import type { Handler } from '../../src/handler';
import { handlers } from '../../src/registry';
import { projectRoot } from '../support/fixtures';

const SOURCE = path.join(projectRoot, 'src', 'parsers');
/** The modules of src/parsers as loaded here (src/ under tsx, dist/src/ under npm test). */
const LOADED = path.join(__dirname, '..', '..', 'src', 'parsers');

/** Modules that are not handler entries: the shared rules and shapes, address decoding, the per-area tables. */
const SHARED = new Set(['helpers', 'net/address', 'index', 'net/index', 'pid/index', 'sysvipc/index', 'sysfs/index', 'rootfs/index']);

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith('.ts')) out.push(path.relative(SOURCE, full).slice(0, -3));
  }
  return out;
}

const modules = walk(SOURCE).sort();
const parsing = Object.values(handlers).filter((h) => h.refuse === undefined);
const entries = new Set(parsing.map((h) => h.name));

function isHandler(value: unknown): value is Handler<object> {
  if (typeof value !== 'object' || value === null) return false;
  return typeof (value as Handler).name === 'string' && typeof (value as Handler).parse === 'function';
}

function source(module: string): string {
  return fs.readFileSync(path.join(SOURCE, `${module}.ts`), 'utf8');
}

/** The opening doc comment of a module. */
function header(module: string): string {
  const text = source(module);
  const end = text.indexOf('*/');
  return text.startsWith('/**\n') && end > 0 ? text.slice(0, end) : '';
}

/** Module paths a module imports from, relative to src/parsers (`../../handler` → `../handler`). */
function importsOf(module: string): string[] {
  const from = [...source(module).matchAll(/^(?:import|export)\b[^;]*?from '([^']+)';/gms)].map((m) => m[1]);
  return from.map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(module), spec)));
}

/** The exports of every module of src/parsers, by module path. */
const exportsOf = new Map<string, Record<string, unknown>>();

describe('parser layout', () => {
  before(() => {
    // Loaded the way the registry loads them (compiled or under tsx), by path.
    const load = createRequire(__filename);
    for (const module of modules) exportsOf.set(module, load(path.join(LOADED, module)) as Record<string, unknown>);
  });

  it('exports every handler that parses from src/parsers/<its name>.ts, and no other handler from there', () => {
    const problems: string[] = [];
    for (const handler of parsing) {
      const file = path.join(SOURCE, `${handler.name}.ts`);
      if (!fs.existsSync(file)) {
        problems.push(`${handler.name}: no src/parsers/${handler.name}.ts`);
        continue;
      }
      const exported = Object.values(exportsOf.get(handler.name) ?? {}).filter(isHandler);
      if (exported.length !== 1 || exported[0] !== handler) {
        problems.push(`${handler.name}: src/parsers/${handler.name}.ts exports ${exported.map((h) => h.name).join(', ') || 'no handler'}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('exports no handler outside the entries', () => {
    const stray = modules
      .filter((m) => !entries.has(m) && !m.endsWith('index'))
      .flatMap((m) =>
        Object.values(exportsOf.get(m) ?? {})
          .filter(isHandler)
          .map((h) => `${m}: ${h.name}`),
      );
    expect(stray).to.deep.equal([]);
  });

  it('has no module that is neither an entry, a format nor a shared module', () => {
    const unexpected = modules.filter((m) => !entries.has(m) && !m.startsWith('formats/') && !SHARED.has(m));
    expect(unexpected).to.deep.equal([]);
  });

  it('opens every entry with its /proc path, the kernel (or module) source that writes it and a sample', () => {
    const problems: string[] = [];
    for (const name of entries) {
      const text = header(name);
      const first = text.split('\n')[1] ?? '';
      const shown = name.startsWith('pid/') ? `<pid>/${name.slice(4)}` : name;
      // A few handlers read files outside /proc (debugfs's sched/debug, /sys, the root filesystem's os-release):
      // their header names that path.
      const leaf = path.posix.basename(name);
      const rootfs = handlers[name]?.root === 'rootfs' && first.startsWith(' * /');
      if (!first.startsWith(' * /proc/') && !first.startsWith(' * /sys/') && !rootfs)
        problems.push(`${name}: the header does not open with " * /proc/${shown}"`);
      else if (!first.includes(leaf)) problems.push(`${name}: the header's first line does not name ${leaf}`);
      // Module: for an out-of-tree module's files (OpenZFS's spl/kstat/zfs).
      if (!/^ \* (Kernel|Module): /m.test(text)) problems.push(`${name}: no " * Kernel:" line`);
      if (!/^ \* Sample/m.test(text)) problems.push(`${name}: no " * Sample" line`);
    }
    expect(problems).to.deep.equal([]);
  });

  it('opens every format module with a header naming the files that share it', () => {
    const problems = modules
      .filter((m) => m.startsWith('formats/'))
      .filter((m) => !/^ \* (Format|The tokenizer)/m.test(header(m).split('\n')[1] ?? ''))
      .map((m) => `${m}: the header does not open with " * Format: …"`);
    expect(problems).to.deep.equal([]);
  });

  it('lets entries import only shared modules and formats, never another entry', () => {
    const problems: string[] = [];
    for (const module of modules.filter((m) => entries.has(m) || m.startsWith('formats/'))) {
      for (const target of importsOf(module)) {
        if (entries.has(target)) problems.push(`${module} imports the entry ${target}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('uses every format module (from a parser entry, or a collector as sysctl does)', () => {
    const collectorDir = path.join(projectRoot, 'collectors');
    const fromCollectors = fs
      .readdirSync(collectorDir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...fs.readFileSync(path.join(collectorDir, f), 'utf8').matchAll(/from '\.\.\/src\/parsers\/([^']+)';/g)].map((m) => m[1]),
      );
    const imported = new Set([...modules.flatMap(importsOf), ...fromCollectors]);
    const unused = modules.filter((m) => m.startsWith('formats/') && !imported.has(m));
    expect(unused).to.deep.equal([]);
  });
});
