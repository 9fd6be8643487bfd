/**
 * Running the commands without privileges, so that file permissions apply:
 * as nobody (65534) when the tests run as root, as the current user otherwise.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { projectRoot, type CommandResult } from './fixtures';

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** spawn options: nobody's uid and gid when root, nothing otherwise. */
export function unprivilegedIds(): { uid?: number; gid?: number } {
  return isRoot ? { uid: 65534, gid: 65534 } : {};
}

/** Why the commands cannot run unprivileged from this checkout (nobody cannot reach it), or undefined. */
export function unprivilegedProblem(): string | undefined {
  if (!isRoot) return undefined;
  const result = runBinUnprivileged('proc2json', ['--version']);
  if (result.status === 0) return undefined;
  return `nobody (65534) cannot run the commands from ${projectRoot}: ${result.stderr.split('\n')[0]}`;
}

/** Runs one of the package's bin commands without privileges. */
export function runBinUnprivileged(command: string, args: readonly string[]): CommandResult {
  const bin = path.join(projectRoot, 'bin', `${command}.js`);
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', ...unprivilegedIds() });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
