/**
 * The exporter's command: flags and config, `--once`, or scheduler + server
 * with graceful shutdown. Any start-up error is ONE line on stderr and exit
 * status 2, never a stack trace.
 */
import { execFileSync } from 'child_process';
import type { Server } from 'http';
import type { Server as HttpsServer } from 'https';
import type { Logger } from 'pino';
import { filesystems, parseErrorLog, type CollectorCatalog, type CollectorEnv, type Filesystems } from '../collector';
import { ConfigError, EarlyExit, loadConfig, releaseValidators, type ExporterConfig } from '../config';
import { pendingReads, ProcFs } from '../procfs';
import type { MetricFamily } from './exposition';
import { buildInfo } from '../version';
import { createLogger } from './log';
import { ProcessMetrics } from './process-metrics';
import { Scheduler, type ScheduledCollector } from './scheduler';
import { createApp, listen, serverAddress } from './server';
import { httpsOptions, loadWebConfig, type WebConfig } from './web-config';

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

/**
 * The checks collectors make before their first run (config mappings: their
 * fields against a sample parse); a ConfigError naming the file and every problem.
 */
export function checkCollectors(config: ExporterConfig, trees: Filesystems): void {
  const problems = config.collectors.flatMap((c) => c.definition.checkAtStart?.(trees) ?? []);
  if (problems.length > 0) throw new ConfigError(`${config.configFile ?? 'config'}: ${problems.join('; ')}`);
}

export interface Running {
  server: Server;
  /** The scheduler in use (replaced by a reload). */
  readonly scheduler: Scheduler;
  /** The configuration in use (replaced by a reload). */
  readonly config: ExporterConfig;
  address: string;
  logger: Logger;
  /**
   * Applies a new configuration without dropping the listener: the new
   * collectors run a first cycle, then the new settings replace the old ones
   * in one swap. Rejects (and changes nothing) when the new configuration
   * cannot be applied; what needs a new listener (address, TLS on/off,
   * client_auth_type) is refused with a message saying to restart.
   */
  reload(next: ExporterConfig): Promise<void>;
  stop(): Promise<void>;
}

/** Test hooks of startExporter. */
export interface StartOptions {
  /** The trees to read (default: a ProcFs on config.procfs, .sysfs, .rootfs); tests pass instrumented ones. */
  procfs?: (root: string) => ProcFs;
}

function sameTlsShape(a: WebConfig | undefined, b: WebConfig | undefined): boolean {
  if (!a?.tls || !b?.tls) return !a?.tls && !b?.tls;
  return a.tls.clientAuthType === b.tls.clientAuthType && a.tls.minVersion === b.tls.minVersion && a.tls.maxVersion === b.tls.maxVersion;
}

/** Starts scheduler and server for a resolved config (used by main and by tests in-process). */
export async function startExporter(
  config: ExporterConfig,
  logger: Logger,
  env: CollectorEnv = { pageSize: pageSize() },
  hooks: StartOptions = {},
): Promise<Running> {
  const makeProcFs = hooks.procfs ?? ((root: string) => new ProcFs(root));
  parseErrorLog.logger = logger;
  // Built on first use: with --web.disable-exporter-metrics (a flag, the same after every reload) never.
  let processMetrics: ProcessMetrics | undefined;
  const own = (): ProcessMetrics => (processMetrics ??= new ProcessMetrics({ pageSize: env.pageSize }));
  const inFlight = { count: 0 };
  const build = (c: ExporterConfig, web: WebConfig | undefined): { scheduler: Scheduler; app: ReturnType<typeof createApp> } => {
    const trees = filesystems(makeProcFs(c.procfs), makeProcFs(c.sysfs), makeProcFs(c.rootfs));
    checkCollectors(c, trees);
    const { procfs } = trees;
    const scheduler = new Scheduler({
      collectors: scheduledCollectors(c),
      ...trees,
      env,
      logger,
      // The parse error counts are the collectors' own: kept with --web.disable-exporter-metrics.
      extra: async (): Promise<MetricFamily[]> => [
        ...(c.disableExporterMetrics ? [] : await own().families()),
        ...parseErrorLog.families(),
      ],
    });
    const app = createApp({
      scheduler,
      procfs,
      logger,
      telemetryPath: c.telemetryPath,
      dump: c.dump,
      maxRequests: c.maxRequests,
      inFlight,
      webConfig: web ? () => web : undefined,
      collectors: c.collectors.map((settings) => settings.name),
      countScrape: c.disableExporterMetrics ? undefined : (status) => own().countScrape(status),
    });
    return { scheduler, app };
  };
  let web = config.webConfigFile === undefined ? undefined : loadWebConfig(config.webConfigFile);
  let current = { config, ...build(config, web) };
  const server = await listen(
    (req, res) => {
      current.app(req, res);
    },
    config.listen.port,
    config.listen.host,
    web?.tls,
  );
  server.keepAliveTimeout = 65_000;
  // The first line, as node_exporter's "Starting node_exporter": which build runs. Once listening (a start-up failure
  // is the one line main prints) and before the first cycle, whose failures it must precede.
  const info = buildInfo();
  logger.info(
    { version: info.version, branch: info.branch, revision: info.revision, build_date: info.date, node: process.version },
    'Starting proc-exporter',
  );
  current.scheduler.start();
  const address = serverAddress(server);

  const reload = async (next: ExporterConfig): Promise<void> => {
    if (next.listenAddress !== current.config.listenAddress) {
      throw new ConfigError(
        `web.listenAddress: changed from ${current.config.listenAddress} to ${next.listenAddress}; a new address needs a restart`,
      );
    }
    const problem = new ProcFs(next.procfs).problem();
    if (problem !== undefined) throw new ConfigError(problem);
    const nextWeb = next.webConfigFile === undefined ? undefined : loadWebConfig(next.webConfigFile);
    if (!sameTlsShape(web, nextWeb))
      throw new ConfigError('--web.config.file: turning TLS on or off, or changing client_auth_type or TLS versions, needs a restart');
    const built = build(next, nextWeb);
    built.scheduler.start();
    // The new collectors' first cycle, bounded by their longest timeout: /metrics never goes without a snapshot.
    const longest = Math.max(1000, ...next.collectors.filter((c) => c.enabled).map((c) => c.timeoutMs)) + 1000;
    await Promise.race([built.scheduler.firstSnapshot(), new Promise((r) => setTimeout(r, longest).unref())]);
    if (nextWeb?.tls) (server as HttpsServer).setSecureContext(httpsOptions(nextWeb.tls));
    const previous = current;
    current = { config: next, ...built };
    web = nextWeb;
    logger.level = next.log.level;
    previous.scheduler.stop();
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= new Promise<void>((resolve) => {
      current.scheduler.stop();
      const force = setTimeout(() => server.closeAllConnections(), 5000);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    }));
  return {
    server,
    get scheduler() {
      return current.scheduler;
    },
    get config() {
      return current.config;
    },
    address,
    logger,
    reload,
    stop,
  };
}

/** `--once`: every enabled collector once, the text format on stdout. */
export async function collectOnce(config: ExporterConfig, logger: Logger, env: CollectorEnv = { pageSize: pageSize() }): Promise<string> {
  const trees = filesystems(new ProcFs(config.procfs), new ProcFs(config.sysfs), new ProcFs(config.rootfs));
  checkCollectors(config, trees);
  const scheduler = new Scheduler({ collectors: scheduledCollectors(config), ...trees, env, logger });
  const snapshot = await scheduler.runOnce();
  return snapshot.text('text');
}

function fail(message: string): void {
  process.stderr.write(`proc-exporter: ${message.split('\n')[0]}\n`);
  process.exitCode = EXIT_STARTUP;
}

/** The command: `catalog` is the collectors it may run (collectors/index.ts, handed over by main.ts). */
export async function main(argv: readonly string[], catalog: CollectorCatalog): Promise<void> {
  let config: ExporterConfig;
  try {
    config = loadConfig(argv, catalog);
  } catch (error) {
    if (error instanceof EarlyExit) return;
    fail(error instanceof ConfigError ? error.message : (error as Error).message);
    return;
  } finally {
    releaseValidators();
  }
  const problem = new ProcFs(config.procfs).problem();
  if (problem !== undefined) {
    fail(problem);
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
    if (error instanceof ConfigError) return fail(error.message);
    fail(
      e.code === 'EADDRINUSE'
        ? `listen ${config.listenAddress}: address already in use`
        : e.code
          ? `listen ${config.listenAddress}: ${e.code}`
          : e.message,
    );
    return;
  }
  // Signal handlers first: a SIGHUP sent as soon as 'listening' is logged must not meet the default action (exit).
  // SIGHUP: re-read config.yaml (and the web config) with the same flags; keep the old one if the new one is invalid
  // or empty (a file caught while an editor or a config manager rewrites it).
  let reloading = Promise.resolve();
  process.on('SIGHUP', () => {
    reloading = reloading.then(async () => {
      let next: ExporterConfig;
      try {
        try {
          next = loadConfig(argv, catalog, { emptyFile: 'refuse' });
        } finally {
          releaseValidators();
        }
        await running.reload(next);
      } catch (error) {
        logger.error({ err: (error as Error).message.split('\n')[0] }, 'reload failed; the running configuration is kept');
        return;
      }
      logger.info(
        {
          config: next.configFile ?? null,
          collectors: next.collectors.filter((c) => c.enabled).map((c) => `${c.name}@${c.intervalMs / 1000}s`),
        },
        'configuration reloaded',
      );
    });
  });
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    void running.stop().then(() => {
      logger.info('stopped');
      if (pendingReads() === 0) process.exit(0);
      // process.exit() would wait for a read blocked in the kernel forever (it joins libuv's threads): end by the signal itself.
      logger.warn({ pending_reads: pendingReads() }, 'reads still pending; exiting by the signal');
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
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
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    logger.warn("running as root: the exporter needs no privileges; run it as an unprivileged user (root can read every process's files)");
  }
  if (config.webConfigFile === undefined && config.listen.host === undefined) {
    logger.info('serving plain HTTP without authentication on every interface; see --web.config.file for TLS and basic auth');
  }
}
