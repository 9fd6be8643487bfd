/**
 * The exporter's default collectors as the benchmark runs them in-process
 * (bench/cycle.ts, scaling.ts, serving.ts): the configuration of a procfs
 * root, the files they read, and the environment and logger the scheduler gets.
 */
import pino, { type Logger } from 'pino';
import { catalog } from '../../collectors/index';
import { loadConfig } from '../../src/config';
import { scheduledCollectors } from '../../src/exporter/cli';
import { ProcFs } from '../../src/procfs';

/** The page size the figures assume (the exporter's tests and the image use 4096). */
export function benchEnv(): { pageSize: number } {
  return { pageSize: 4096 };
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** The default configuration (optionally on another procfs root) and its scheduled collectors. */
export function defaultCollectors(procfsRoot?: string) {
  const argv = procfsRoot === undefined ? [] : [`--path.procfs=${procfsRoot}`];
  const config = loadConfig(argv, catalog);
  return { config, scheduled: scheduledCollectors(config) };
}

/** Files the default collectors read that exist under /proc (relative names). */
export function defaultFiles(): string[] {
  const procfs = new ProcFs('/proc');
  const names = new Set<string>();
  for (const c of defaultCollectors().scheduled) {
    for (const name of Object.keys(c.definition.reads)) if (procfs.exists(name)) names.add(name);
  }
  return [...names];
}
