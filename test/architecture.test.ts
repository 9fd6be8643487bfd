/**
 * The shape of the code, from its import graph (src/ and collectors/, every
 * import: static, re-export, type-only, `import('…')` types):
 * - no import cycle;
 * - a collector imports only the collector SDK (src/collector), the parsers
 *   (src/parsers/**, src/registry) and other collectors — never the
 *   scheduler, the server or the configuration;
 * - the framework never imports the collectors: only the entry point
 *   (src/exporter/main.ts) joins them;
 * - the SDK takes from the exporter only its exposition model.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { projectRoot } from './support/fixtures';

type Graph = Map<string, string[]>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

/** A relative import resolved to a project file (`x.ts` or `x/index.ts`); undefined for packages and node builtins. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [`${base}.ts`, `${base}/index.ts`]) if (fs.existsSync(path.join(projectRoot, candidate))) return candidate;
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

function importGraph(roots: readonly string[]): Graph {
  const graph: Graph = new Map();
  for (const file of roots.flatMap(sourceFiles)) {
    const info = ts.preProcessFile(fs.readFileSync(path.join(projectRoot, file), 'utf8'), true, true);
    const targets = info.importedFiles.map((f) => resolveImport(file, f.fileName)).filter((t): t is string => t !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** One import cycle (its files, the first repeated at the end), or undefined. */
function findCycle(graph: Graph): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of [...graph.keys()].sort()) {
    if (state.get(file) !== undefined) continue;
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Edges `from → to` of the graph that `allowed` refuses, as `from → to` lines. */
function violations(graph: Graph, applies: (from: string) => boolean, allowed: (to: string, from: string) => boolean): string[] {
  return [...graph].flatMap(([from, targets]) =>
    applies(from) ? targets.filter((to) => !allowed(to, from)).map((to) => `${from} → ${to}`) : [],
  );
}

const SDK_FROM_EXPORTER = new Set(['src/exporter/exposition.ts', 'src/exporter/textformat.ts']);

describe('architecture: the import graph of src/ and collectors/', () => {
  const graph = importGraph(['src', 'collectors']);

  it('reads every source file and its imports (type-only and import() types included)', () => {
    expect(graph.size).to.be.greaterThan(150);
    expect(graph.get('src/exporter/main.ts')).to.include('collectors/index.ts');
    expect(graph.get('collectors/index.ts')).to.include.members([
      'src/collector/index.ts',
      'collectors/mappings.ts',
      'collectors/loadavg.ts',
    ]);
    // `import type` counts: src/config/types.ts imports only types from the SDK.
    expect(graph.get('src/config/types.ts')).to.deep.equal(['src/collector/index.ts']);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const cyclic: Graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
    ]);
    expect(findCycle(cyclic)).to.deep.equal(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
    expect(
      findCycle(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).to.equal(undefined);
  });

  it('has no import cycle', () => {
    expect(findCycle(graph), 'an import cycle').to.equal(undefined);
  });

  it('collectors import only the SDK, the parsers and other collectors (never the scheduler, the server or the config)', () => {
    const allowed = (to: string): boolean =>
      to.startsWith('src/collector/') || to.startsWith('src/parsers/') || to === 'src/registry.ts' || to.startsWith('collectors/');
    expect(violations(graph, (from) => from.startsWith('collectors/'), allowed)).to.deep.equal([]);
  });

  it('the framework does not import the collectors: the entry point hands them over', () => {
    const allowed = (to: string, from: string): boolean => !to.startsWith('collectors/') || from === 'src/exporter/main.ts';
    expect(violations(graph, (from) => from.startsWith('src/'), allowed)).to.deep.equal([]);
  });

  it('the SDK takes from the exporter only its exposition model, and nothing from the config', () => {
    const allowed = (to: string): boolean =>
      !to.startsWith('src/config/') && (!to.startsWith('src/exporter/') || SDK_FROM_EXPORTER.has(to));
    expect(violations(graph, (from) => from.startsWith('src/collector/'), allowed)).to.deep.equal([]);
  });
});
