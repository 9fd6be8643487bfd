/** Helpers for the exporter's tests: running the real command, starting it, HTTP on loopback. */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as path from 'path';
import { catalog } from '../../collectors/index';
import { loadConfig as loadWith, type ExporterConfig, type LoadOptions } from '../../src/config';
import { projectRoot } from '../support/fixtures';

/** Procfs roots for the exporter's tests: the two full captures. */
export const TREE_6_18 = path.join(projectRoot, 'fixtures', 'proc');
export const TREE_3_2 = path.join(projectRoot, 'fixtures', 'linux-3.2', 'proc');
/** The /sys and root filesystem captured with the 6.18 tree. */
export const SYSFS = path.join(projectRoot, 'fixtures', 'sys');
export const ROOTFS = path.join(projectRoot, 'fixtures', 'rootfs');

/** node arguments that run the exporter: the compiled bin under `npm test`, the TypeScript source under tsx. */
export function exporterArgs(): string[] {
  if (__filename.endsWith('.ts')) return ['--require', 'tsx/cjs', path.join(projectRoot, 'src', 'exporter', 'main.ts')];
  return [path.join(projectRoot, 'bin', 'proc-exporter.js')];
}

/** The configuration for a command line, with the collectors of collectors/index.ts (as the exporter's entry point loads it). */
export function loadConfig(argv: readonly string[], options?: LoadOptions): ExporterConfig {
  return loadWith(argv, catalog, options);
}

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runExporter(args: readonly string[], env: NodeJS.ProcessEnv = {}): CommandResult {
  const result = spawnSync(process.execPath, [...exporterArgs(), ...args], {
    encoding: 'utf8',
    env: { ...process.env, PROC_EXPORTER_PAGE_SIZE: '4096', ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface StartedExporter {
  child: ChildProcess;
  address: string;
  stderr: () => string;
  stop: () => Promise<number | null>;
}

/**
 * Starts the exporter as a child process on 127.0.0.1:0 and waits for its "listening" log line (logfmt or JSON).
 * `wrapper` runs it through another command (`['prlimit', '--nofile=1024:1024']`).
 */
export function startExporterProcess(args: readonly string[], wrapper: readonly string[] = []): Promise<StartedExporter> {
  const command = [...wrapper, process.execPath, ...exporterArgs(), '--web.listen-address=127.0.0.1:0', ...args];
  const child = spawn(command[0], command.slice(1), {
    env: { ...process.env, PROC_EXPORTER_PAGE_SIZE: '4096' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const stop = (): Promise<number | null> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', (code) => {
        clearTimeout(kill);
        resolve(code);
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`exporter did not start: ${stderr}`));
    }, 20_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      // The "listening" line, in logfmt (the default) or JSON (--log.format json).
      const m =
        /^ts=\S+ level=info msg=listening address=(\S+)/m.exec(stderr) ??
        (/"msg":"listening"/.test(stderr) ? /"address":"([^"]+)"/.exec(stderr) : null);
      if (m) {
        clearTimeout(timer);
        resolve({ child, address: m[1], stderr: () => stderr, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exporter exited with ${code}: ${stderr}`));
    });
  });
}

export { freePort, get, type HttpResponse } from '../../bench/support/http';

/** Replaces the values of node_scrape_collector_duration_seconds (they vary run to run). */
export function normalizeDurations(text: string): string {
  return text.replace(/^(node_scrape_collector_duration_seconds\{[^}]*\}) \S+$/gm, '$1 <duration>');
}
