/** Test helpers: the project root, fixture text, and running the real commands. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from '../../bench/support/root';

export { projectRoot };
export const fixturesRoot = path.join(projectRoot, 'fixtures');

/** Absolute path of a fixture: `fixturePath('proc/diskstats')`, `fixturePath('linux-3.2/proc/net/tcp')`. */
export function fixturePath(relative: string): string {
  return path.join(fixturesRoot, relative);
}

export function fixture(relative: string): string {
  return fs.readFileSync(fixturePath(relative), 'utf8');
}

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the package's bin commands as a child process. */
export function runBin(command: string, args: readonly string[], input?: string): CommandResult {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'bin', `${command}.js`), ...args], {
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
