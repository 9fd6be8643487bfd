/**
 * The guides under docs/ name only what exists: every file path they put in
 * backticks (`src/collector/apply.ts`, `fixtures/trees/<name>/` up to its
 * placeholder) is in the repository, every code symbol (`applyCollector`,
 * `collectorState(options)`, `MissingFileError`, `DEFAULT_ROOTS`) is declared
 * in the TypeScript sources, and so is every name a code example imports.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from './support/fixtures';

const SOURCE_DIRS = ['src', 'collectors', 'test', 'scripts', 'bench'];
/** Top-level folders a path in the docs may start with (handler names such as `net/dev` start otherwise). */
const TOP_LEVEL = new Set(fs.readdirSync(projectRoot).filter((e) => !e.startsWith('.') && e !== 'node_modules' && e !== 'dist'));

function sources(dir: string): string[] {
  const full = path.join(projectRoot, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((e) => {
    const relative = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(relative);
    return e.name.endsWith('.ts') ? [relative] : [];
  });
}

const allSource = SOURCE_DIRS.flatMap(sources)
  .map((f) => fs.readFileSync(path.join(projectRoot, f), 'utf8'))
  .join('\n');

/** Whether `name` is declared in the sources: a function, constant, class, type, interface, or a property or method. */
function declared(name: string, source = allSource): boolean {
  const n = name.replace(/\$/g, '\\$');
  return (
    new RegExp(`(?:function\\*?|const|let|var|class|interface|type|enum)\\s+${n}\\b`).test(source) ||
    new RegExp(`^\\s*(?:readonly\\s+|async\\s+|static\\s+)*${n}\\??\\s*[:(<]`, 'm').test(source)
  );
}

/** What a backticked span names: a repository path, a code symbol, or nothing checkable (a key, a flag, a handler, code). */
function classify(span: string): { path: string } | { symbol: string } | undefined {
  const segments = span.split('/');
  if (segments.length > 1 && TOP_LEVEL.has(segments[0]) && !/\s/.test(span)) {
    // Up to the first placeholder: `fixtures/trees/<name>/` → fixtures/trees.
    const cut = segments.findIndex((s) => /[<*{]/.test(s));
    return { path: (cut < 0 ? segments : segments.slice(0, cut)).filter((s) => s !== '').join('/') };
  }
  const call = /^([A-Za-z_$][\w$]*)\(.*\)$/.exec(span);
  if (call) return { symbol: call[1] };
  if (/^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/.test(span)) return { symbol: span }; // camelCase
  if (/^[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*$/.test(span)) return { symbol: span }; // PascalCase
  if (/^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(span)) return { symbol: span }; // CONSTANT_CASE
  return undefined;
}

/** The problems of one markdown text: names that do not exist. */
function problemsOf(markdown: string, source = allSource, exists = (p: string) => fs.existsSync(path.join(projectRoot, p))): string[] {
  const problems: string[] = [];
  const fences = [...markdown.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)];
  for (const [, code] of fences) {
    for (const m of code.matchAll(/^import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'[^']+'/gm)) {
      for (const raw of m[1].split(',')) {
        const name = raw
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0];
        if (name !== '' && !declared(name, source)) problems.push(`a code example imports ${name}, which is not declared`);
      }
    }
  }
  const prose = markdown.replace(/^```[a-z]*\n[\s\S]*?^```$/gm, '');
  for (const [, span] of prose.matchAll(/`([^`\n]+)`/g)) {
    const what = classify(span);
    if (what && 'path' in what && what.path !== '' && !exists(what.path)) problems.push(`\`${span}\`: no such file or folder`);
    if (what && 'symbol' in what && !declared(what.symbol, source))
      problems.push(`\`${span}\`: ${what.symbol} is not declared in the sources`);
  }
  return problems;
}

describe('docs: the guides name only what exists', () => {
  const docs = fs.readdirSync(path.join(projectRoot, 'docs')).filter((f) => f.endsWith('.md'));

  it('finds the names that do not exist (the check itself)', () => {
    const source = 'export function applyCollector() {}\ninterface X {\n  defaultEnabled: boolean;\n}\n';
    const markdown = [
      'Use `applyCollector` and `readRecords(procfs)`; `defaultEnabled` is a field, `name` a key.',
      'See `collectors/nosuch.ts`, `fixtures/trees/<name>/`, `net/dev` and `--collector.<name>`.',
      '```ts',
      "import { applyCollector, type MissingThing } from '../src/collector';",
      '```',
    ].join('\n');
    expect(problemsOf(markdown, source, (p) => p === 'fixtures/trees')).to.deep.equal([
      'a code example imports MissingThing, which is not declared',
      '`readRecords(procfs)`: readRecords is not declared in the sources',
      '`collectors/nosuch.ts`: no such file or folder',
    ]);
  });

  it('reads the guides (docs/collectors.md among them)', () => {
    expect(docs).to.include('collectors.md');
  });

  for (const doc of docs) {
    it(`docs/${doc}: every file and symbol it names exists`, () => {
      expect(problemsOf(fs.readFileSync(path.join(projectRoot, 'docs', doc), 'utf8'))).to.deep.equal([]);
    });
  }
});
