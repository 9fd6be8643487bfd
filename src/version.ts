/**
 * What this build is: the version of package.json, and the git branch and
 * revision, build user and build date it was made from. `--version` prints
 * them in node_exporter's layout (prometheus/common's version.Print, with the
 * Node version where Go's is):
 *
 *     proc-exporter, version 0.1.0 (branch: main, revision: 5dd13a3c0ffe…)
 *       build user:       builder@host
 *       build date:       20250601-10:00:00
 *       node version:     v20.19.0
 *       platform:         linux/x64
 *
 * Where they come from, first found wins:
 * 1. `dist/build-info.json`, beside the compiled code, written when a build
 *    leaves the checkout: `npm pack` (scripts/build-info.ts, prepack) and the
 *    image (Dockerfile, from its build arguments: the context has no .git);
 * 2. a git checkout whose top level is the package root: `git` itself, and
 *    the time the running module was compiled (none under tsx);
 * 3. otherwise `unknown` — never a guess (an installed package inside some
 *    other repository does not take that repository's revision).
 */
import { execFileSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { fileModifiedTime, readPlainFile } from './procfs';

export interface BuildInfo {
  version: string;
  branch: string;
  revision: string;
  /** `user@host` of the build. */
  user: string;
  /** UTC, `YYYYMMDD-HH:MM:SS` (promu's layout). */
  date: string;
}

/** The saved build information, under the package root. */
export const BUILD_INFO_FILE = path.join('dist', 'build-info.json');

const UNKNOWN = 'unknown';

function manifestName(dir: string): string | undefined {
  try {
    return (JSON.parse(readPlainFile(path.join(dir, 'package.json')).toString('utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

/** The package root: the directory of proc-exporter's package.json above this module (src/ or dist/src/). */
export function packageRoot(): string {
  for (const candidate of [path.join(__dirname, '..'), path.join(__dirname, '..', '..')]) {
    if (manifestName(candidate) === 'proc-exporter') return candidate;
  }
  throw new Error(`no package.json of proc-exporter above ${__dirname}`);
}

/** promu's date layout (`20060102-15:04:05`, UTC). */
export function buildDate(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 19)}`;
}

function git(root: string, args: readonly string[]): string | undefined {
  try {
    const out = execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
    return out === '' ? undefined : out;
  } catch {
    return undefined;
  }
}

/** Branch and revision of the git checkout at `root`; undefined unless `root` is the top level of one. */
export function gitState(root: string): { branch: string; revision: string } | undefined {
  const top = git(root, ['rev-parse', '--show-toplevel']);
  if (top === undefined || path.resolve(top) !== path.resolve(root)) return undefined;
  const revision = git(root, ['rev-parse', 'HEAD']);
  if (revision === undefined || !/^[0-9a-f]{40,64}$/.test(revision)) return undefined;
  // A detached HEAD is "HEAD", as promu reports it.
  return { branch: git(root, ['rev-parse', '--abbrev-ref', 'HEAD']) ?? UNKNOWN, revision };
}

/** What scripts/build-info.ts saves: the checkout's state now, the build user and the time. */
export function currentBuild(root: string, now = new Date()): Omit<BuildInfo, 'version'> {
  const state = gitState(root);
  return {
    branch: state?.branch ?? UNKNOWN,
    revision: state?.revision ?? UNKNOWN,
    user: `${os.userInfo().username}@${os.hostname()}`,
    date: buildDate(now),
  };
}

function savedBuild(root: string): Omit<BuildInfo, 'version'> | undefined {
  let saved: Record<string, unknown>;
  try {
    saved = JSON.parse(readPlainFile(path.join(root, BUILD_INFO_FILE)).toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) return undefined;
  const field = (key: string): string => (typeof saved[key] === 'string' && saved[key] !== '' ? saved[key] : UNKNOWN);
  return { branch: field('branch'), revision: field('revision'), user: field('user'), date: field('date') };
}

/**
 * The build information of the package at `root`; `compiled` is the running
 * module when it is compiled JavaScript (tsc wrote it at build time), whose
 * modification time is the build date of a checkout.
 */
export function buildInfoAt(root: string, compiled?: string): BuildInfo {
  const version = (JSON.parse(readPlainFile(path.join(root, 'package.json')).toString('utf8')) as { version: string }).version;
  const saved = savedBuild(root);
  if (saved) return { version, ...saved };
  const state = gitState(root);
  const modified = compiled === undefined ? undefined : fileModifiedTime(compiled);
  return {
    version,
    branch: state?.branch ?? UNKNOWN,
    revision: state?.revision ?? UNKNOWN,
    user: UNKNOWN,
    date: modified ? buildDate(modified) : UNKNOWN,
  };
}

let cached: BuildInfo | undefined;

/** This build's information (looked up once per process). Under tsx there is no build, hence no date. */
export function buildInfo(): BuildInfo {
  return (cached ??= buildInfoAt(packageRoot(), __filename.endsWith('.js') ? __filename : undefined));
}

/** `--version`: node_exporter's layout, Node's version and platform for Go's. */
export function versionText(program: string, info: BuildInfo = buildInfo()): string {
  return [
    `${program}, version ${info.version} (branch: ${info.branch}, revision: ${info.revision})`,
    `  build user:       ${info.user}`,
    `  build date:       ${info.date}`,
    `  node version:     ${process.version}`,
    `  platform:         ${process.platform}/${process.arch}`,
  ].join('\n');
}
