/**
 * The exporter's command: flags and config, `--once`, or scheduler + server
 * with graceful shutdown. Any start-up error is ONE line on stderr and exit
 * status 2, never a stack trace.
 */
import { execFileSync } from 'child_process';
import type { Server } from 'http';
import type { Logger } from 'pino';
import { ProcFs } from '../procfs';
import { ConfigError, EarlyExit, loadConfig, type ExporterConfig } from './config';
import type { MapperEnv } from './mapper';
import { createLogger } from './log';
import { ProcessMetrics } from './process-metrics';
import { Scheduler, type ScheduledCollector } from './scheduler';
import { createApp, listen, serverAddress } from './server';

export const EXIT_STARTUP = 2;

/** The kernel's page size: PROC_EXPORTER_PAGE_SIZE (tests), else getconf, else 4096. */
export function pageSize(): number {
  const fromEnv = Number(process.env.PROC_EXPORTER_PAGE_SIZE);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  try {
    const n = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    if (Number.isInteger(n) && n > 0) return n;
  } catch {
    // no getconf: fall through
  }
  return 4096;
}

export function scheduledCollectors(config: ExporterConfig): ScheduledCollector[] {
  return config.collectors
    .filter((c) => c.enabled)
    .map((c) => ({ definition: c.definition, options: c.options, intervalMs: c.intervalMs, timeoutMs: c.timeoutMs }));
}

export interface Running {
  server: Server;
  scheduler: Scheduler;
  address: string;
  logger: Logger;
  stop(): Promise<void>;
}

/** Starts scheduler and server for a resolved config (used by main and by tests in-process). */
export async function startExporter(config: ExporterConfig, logger: Logger, env: MapperEnv = { pageSize: pageSize() }): Promise<Running> {
  const procfs = new ProcFs(config.procfs);
  const processMetrics = new ProcessMetrics();
  const scheduler = new Scheduler({ collectors: scheduledCollectors(config), procfs, env, logger, extra: () => processMetrics.families() });
  const app = createApp({ scheduler, procfs, logger, telemetryPath: config.telemetryPath, dump: config.dump });
  const server = await listen(app, config.listen.port, config.listen.host);
  server.keepAliveTimeout = 65_000;
  scheduler.start();
  const address = serverAddress(server);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= new Promise<void>((resolve) => {
      scheduler.stop();
      const force = setTimeout(() => server.closeAllConnections(), 5000);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    }));
  return { server, scheduler, address, logger, stop };
}

/** `--once`: every enabled collector once, the text format on stdout. */
export async function collectOnce(config: ExporterConfig, logger: Logger, env: MapperEnv = { pageSize: pageSize() }): Promise<string> {
  const scheduler = new Scheduler({ collectors: scheduledCollectors(config), procfs: new ProcFs(config.procfs), env, logger });
  const snapshot = await scheduler.runOnce();
  return snapshot.text('text');
}

function fail(message: string): void {
  process.stderr.write(`proc-exporter: ${message.split('\n')[0]}\n`);
  process.exitCode = EXIT_STARTUP;
}

export async function main(argv: readonly string[]): Promise<void> {
  let config: ExporterConfig;
  try {
    config = loadConfig(argv);
  } catch (error) {
    if (error instanceof EarlyExit) return;
    fail(error instanceof ConfigError ? error.message : (error as Error).message);
    return;
  }
  if (!new ProcFs(config.procfs).isDirectory()) {
    fail(`procfs root ${config.procfs}: no such directory`);
    return;
  }
  const logger = createLogger(config.log.level, config.log.format);
  if (config.once) {
    try {
      process.stdout.write(await collectOnce(config, logger));
    } catch (error) {
      fail((error as Error).message);
    }
    return;
  }
  let running: Running;
  try {
    running = await startExporter(config, logger);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    fail(e.code === 'EADDRINUSE' ? `listen ${config.listenAddress}: address already in use` : e.code ? `listen ${config.listenAddress}: ${e.code}` : e.message);
    return;
  }
  const enabled = config.collectors.filter((c) => c.enabled);
  logger.info(
    {
      address: running.address,
      telemetry_path: config.telemetryPath,
      procfs: config.procfs,
      config: config.configFile ?? null,
      collectors: enabled.map((c) => `${c.name}@${c.intervalMs / 1000}s`),
      dump: config.dump.enabled ? (config.dump.perProcess ? 'system-wide and per-process' : 'system-wide') : 'off',
    },
    'listening',
  );
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    void running.stop().then(() => {
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
