/**
 * `--version` of the commands (and, later, of proc-exporter):
 * `proc2json, version 0.1.0 (revision 5dd13a3c0ffe), build date 2025-06-01T10:00:00Z, node v20.20.2`,
 * the shape of node_exporter's first version line.
 *
 * The revision and date come from `build-info.json` at the package root when
 * it is there (`npm pack` writes it into the tarball, scripts/build-info.ts);
 * in a git checkout from `git rev-parse HEAD` and the time this module was
 * compiled; otherwise they are `unknown`.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { fileModifiedTime, readPlainFile } from './procfs';

export interface BuildInfo {
  version: string;
  revision: string;
  /** ISO 8601, UTC, whole seconds. */
  date: string;
}

/** The package root: the directory of package.json above this module (src/ or dist/src/). */
export function packageRoot(): string {
  for (const candidate of [path.join(__dirname, '..'), path.join(__dirname, '..', '..')]) {
    try {
      const manifest = JSON.parse(readPlainFile(path.join(candidate, 'package.json')).toString('utf8')) as { name?: string };
      if (manifest.name === 'proc-exporter') return candidate;
    } catch {
      // Not this one.
    }
  }
  throw new Error(`no package.json of proc-exporter above ${__dirname}`);
}

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `git rev-parse --short=12 HEAD` in `root`, or undefined outside a git checkout. */
export function gitRevision(root: string): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    return /^[0-9a-f]{7,40}$/.test(out.trim()) ? out.trim() : undefined;
  } catch {
    return undefined;
  }
}

export function buildInfo(): BuildInfo {
  const root = packageRoot();
  const manifest = JSON.parse(readPlainFile(path.join(root, 'package.json')).toString('utf8')) as { version: string };
  try {
    const saved = JSON.parse(readPlainFile(path.join(root, 'build-info.json')).toString('utf8')) as Partial<BuildInfo>;
    if (typeof saved.revision === 'string' && typeof saved.date === 'string') {
      return { version: manifest.version, revision: saved.revision, date: saved.date };
    }
  } catch {
    // No saved build information: a checkout.
  }
  const compiled = fileModifiedTime(__filename);
  return { version: manifest.version, revision: gitRevision(root) ?? 'unknown', date: compiled ? isoSeconds(compiled) : 'unknown' };
}

/** The one line `--version` prints. */
export function versionLine(program: string, info: BuildInfo = buildInfo()): string {
  return `${program}, version ${info.version} (revision ${info.revision}), build date ${info.date}, node ${process.version}`;
}
