/** Helpers for the deployment tests: the Go chart renderer and a Dockerfile reader. */
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { projectRoot } from '../support/fixtures';
import type { Context } from 'mocha';
import { GOCODE, missingMessage, requireTool, TOOLS } from '../support/tools';

export const chartDir = path.join(projectRoot, 'helm', 'proc-exporter');
export const rendererSource = path.join(projectRoot, 'test', 'deploy', 'helm-render');

let rendererBinary: string | undefined;

/**
 * Builds test/deploy/helm-render once (GOPATH mode against Debian's Go packages) and caches the
 * binary in the temp dir under a hash of its source, so later runs reuse it. Tests go through
 * needRenderer, which skips or fails first, as the rule for missing tools says.
 */
export function buildRenderer(): string {
  if (rendererBinary) return rendererBinary;
  const source = fs.readFileSync(path.join(rendererSource, 'main.go'));
  const hash = crypto.createHash('sha256').update(source).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `proc-exporter-helm-render-${hash}`);
  const binary = path.join(dir, 'helm-render');
  if (!fs.existsSync(binary)) {
    for (const tool of ['go', 'sprig'] as const) if (!TOOLS[tool].find()) throw new Error(missingMessage(tool));
    fs.mkdirSync(dir, { recursive: true });
    const work = fs.mkdtempSync(path.join(dir, 'gopath-'));
    const tmpBinary = path.join(work, 'helm-render');
    const r = spawnSync('go', ['build', '-o', tmpBinary, '.'], {
      cwd: rendererSource,
      encoding: 'utf8',
      env: { ...process.env, GO111MODULE: 'off', GOPATH: `${work}:${GOCODE}`, GOCACHE: path.join(dir, 'gocache'), GOFLAGS: '' },
    });
    if (r.status !== 0) throw new Error(`go build of helm-render failed:\n${r.stderr}${r.stdout}`);
    fs.renameSync(tmpBinary, binary);
    fs.rmSync(work, { recursive: true, force: true });
  }
  rendererBinary = binary;
  return binary;
}

/** For a test or hook that renders: skips (locally) or fails (CI) without Go and sprig, else builds the renderer. */
export function needRenderer(ctx: Context): string {
  requireTool(ctx, 'go');
  requireTool(ctx, 'sprig');
  return buildRenderer();
}

export interface RenderResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the renderer with helm-template-like arguments (`-f FILE`, `--set k=v`, `--show-values`, `--notes`). */
export function helmRender(args: readonly string[] = []): RenderResult {
  const r = spawnSync(buildRenderer(), [...args, chartDir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface Manifest {
  source: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
}

/** Renders and parses every YAML document; a YAML error or a render error throws. */
export function renderManifests(args: readonly string[] = []): Manifest[] {
  const r = helmRender(args);
  if (r.status !== 0) throw new Error(`render failed (${r.status}): ${r.stderr}`);
  const out: Manifest[] = [];
  for (const doc of parseAllDocuments(r.stdout)) {
    if (doc.errors.length) throw new Error(`YAML error: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value = doc.toJS();
    if (value == null) continue;
    const m = /^\s*Source: (\S+)/.exec(`${doc.commentBefore ?? ''}\n${doc.contents?.commentBefore ?? ''}`.trim());
    out.push({ ...value, source: m ? m[1] : '?' });
  }
  return out;
}

const tempDirs: string[] = [];
process.once('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory, removed when the test process exits. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Writes an override values file to a temp dir and returns its path. */
export function valuesFile(values: unknown): string {
  const dir = tempDir('proc-exporter-values-');
  const file = path.join(dir, 'values.yaml');
  fs.writeFileSync(file, JSON.stringify(values, null, 2)); // JSON is YAML
  return file;
}

// ---- Dockerfile reader -----------------------------------------------------------------

export interface Instruction {
  keyword: string; // upper-case: FROM, RUN, COPY, ...
  args: string; // the rest, continuation lines joined
  line: number; // 1-based line of the instruction
}

export interface Stage {
  index: number;
  base: string;
  name?: string;
  instructions: Instruction[];
}

/**
 * Reads a Dockerfile the way BuildKit does for what these tests need: comments and blank lines
 * dropped, `\` continuations joined (comment lines inside a continuation skipped), instructions
 * grouped into stages at each FROM, and global ARGs (before the first FROM) substituted into FROM.
 */
export function parseDockerfile(text: string): { globalArgs: Record<string, string>; stages: Stage[] } {
  const lines = text.split(/\r?\n/);
  const instructions: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i];
    if (/^\s*(#.*)?$/.test(first)) {
      i++;
      continue;
    }
    const start = i + 1;
    let joined = '';
    let cur = first;
    for (;;) {
      const cont = /\\\s*$/.test(cur);
      joined += (joined ? ' ' : '') + cur.replace(/\\\s*$/, '').trim();
      i++;
      if (!cont) break;
      while (i < lines.length && /^\s*#/.test(lines[i])) i++;
      if (i >= lines.length) break;
      cur = lines[i];
    }
    const m = /^(\w+)\s*(.*)$/.exec(joined);
    if (!m) throw new Error(`Dockerfile line ${start}: cannot read ${JSON.stringify(joined)}`);
    instructions.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: start });
  }
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      if (!m) throw new Error(`Dockerfile line ${ins.line}: bad FROM`);
      const base = m[1].replace(/\$\{?(\w+)\}?/g, (_, n: string) => globalArgs[n] ?? '');
      stages.push({ index: stages.length, base, name: m[2], instructions: [] });
    } else if (stages.length === 0) {
      if (ins.keyword !== 'ARG') throw new Error(`Dockerfile line ${ins.line}: ${ins.keyword} before FROM`);
      const m = /^(\w+)(?:=(.*))?$/.exec(ins.args);
      if (m) globalArgs[m[1]] = (m[2] ?? '').replace(/^"(.*)"$/, '$1');
    } else {
      stages[stages.length - 1].instructions.push(ins);
    }
  }
  return { globalArgs, stages };
}

/** The exec (JSON array) form of ENTRYPOINT/CMD; the shell form is rejected. */
export function execForm(ins: Instruction | undefined): string[] {
  if (!ins) return [];
  const parsed: unknown = JSON.parse(ins.args);
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) {
    throw new Error(`${ins.keyword} on line ${ins.line} is not in exec form`);
  }
  return parsed;
}

/** KEY=VALUE pairs of LABEL instructions (quoted values, several per line). */
export function labelsOf(stage: Stage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ins of stage.instructions.filter((x) => x.keyword === 'LABEL')) {
    const re = /([\w.\-/]+)=("((?:[^"\\]|\\.)*)"|\S+)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(ins.args))) out[m[1]] = m[3] !== undefined ? m[3] : m[2];
  }
  return out;
}

export function lastOf(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((x) => x.keyword === keyword).pop();
}
