/**
 * The HTTP server (express): /metrics (cached snapshot, or the collectors
 * `collect[]` names; OpenMetrics when the Accept header prefers it; gzip when
 * accepted), /healthz, the landing page,
 * /dump and /dump/:file.
 */
import express, { type Request, type Response } from 'express';
import * as http from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';
import type { Logger } from 'pino';
import { parseLimits } from '../parsers/pid/limits';
import { ProcFs } from '../procfs';
import { dumpRouter } from './dump-http';
import { ASSET_PATHS } from './dump-html';
import { CONTENT_TYPES, type ExpositionFormat } from './exposition';
import type { Scheduler } from './scheduler';
import { httpsOptions, webConfigMiddleware, type TlsSettings, type WebConfig } from './web-config';

export interface ServerOptions {
  scheduler: Scheduler;
  procfs: ProcFs;
  logger: Logger;
  telemetryPath: string;
  dump: { enabled: boolean; perProcess: boolean; environOfOtherProcesses?: boolean; maxBytes?: number; timeoutMs?: number };
  /** How long /metrics waits for the first snapshot before answering 503. */
  firstSnapshotWaitMs?: number;
  /** Requests served at once at most; beyond it 503 (`--web.max-requests`). 0 or undefined: no limit. */
  maxRequests?: number;
  /** The in-flight count (and the dump slots), shared by the apps that replace each other on a reload. */
  inFlight?: { count: number; dumps?: DumpSlots };
  /** The web config (TLS client-certificate policy, basic auth, headers), read at each request. */
  webConfig?: () => WebConfig | undefined;
  /** Every collector the exporter has, enabled or not: `collect[]` tells a disabled one from an unknown one. */
  collectors?: readonly string[];
  /** Called with the status of each answer of the metrics endpoint (promhttp_metric_handler_requests_total). */
  countScrape?: (status: number) => void;
}

/**
 * Picks the exposition format from an Accept header: OpenMetrics when an
 * `application/openmetrics-text` entry (version 1.0.0, 0.0.1 or none) has a
 * higher q than the text format; text otherwise.
 */
export function negotiateFormat(accept: string | undefined): ExpositionFormat {
  if (!accept) return 'text';
  let om = -1;
  let text = -1;
  for (const part of accept.split(',')) {
    const [type, ...params] = part
      .trim()
      .split(';')
      .map((s) => s.trim());
    let q = 1;
    let version: string | undefined;
    for (const p of params) {
      const [k, v] = p.split('=').map((s) => s.trim());
      if (k === 'q') q = Number(v);
      if (k === 'version') version = v;
    }
    if (!Number.isFinite(q)) continue;
    if (type === 'application/openmetrics-text' && (version === undefined || version === '1.0.0' || version === '0.0.1'))
      om = Math.max(om, q);
    else if (type === 'text/plain' || type === '*/*' || type === 'text/*') text = Math.max(text, q);
  }
  return om > 0 && om >= text ? 'openmetrics' : 'text';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function landingPage(telemetryPath: string, dumpEnabled: boolean): string {
  const path = escapeHtml(telemetryPath);
  const dumpLink = dumpEnabled ? '<li><a href="/dump">/dump</a>: the /proc files that can be dumped as JSON (or CSV)</li>' : '';
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>proc-exporter</title></head>
<body>
<h1>proc-exporter</h1>
<p>A Prometheus exporter for Linux /proc, compatible with node_exporter.</p>
<ul>
<li><a href="${path}">${path}</a>: metrics</li>
<li><a href="/healthz">/healthz</a>: 200 once the first collection cycle has completed</li>
${dumpLink}
</ul>
</body></html>
`;
}

/**
 * Dumps computed or being sent at once at most; further ones wait (holding no request slot), up to a bound.
 * One: a dump of kallsyms alone peaks at ~50 MB of RSS (text, records, garbage not yet collected) over the
 * exporter's ~70 MB, so two at once cannot fit the chart's 128Mi limit — 10 concurrent /dump/kallsyms
 * (JSON) peaked at 299 MB RSS with no bound, 129 MB with two slots, 124 MB with one (npm run bench:dump).
 */
const MAX_DUMPS = 1;
const MAX_DUMPS_WAITING = 16;

/**
 * The slots of /dump/:file. A dump holds its slot from its start until its
 * answer has been handed to the kernel (or the connection closed): its body
 * (up to dump.maxBytes) sits in memory until then, so a client that never
 * reads holds one of MAX_DUMPS slots at most for the write timeout, instead of
 * one body per connection.
 */
export class DumpSlots {
  active = 0;
  private readonly waiting: (() => void)[] = [];

  /** Calls `admit` when a slot is free (now or later); false when MAX_DUMPS_WAITING already wait. */
  acquire(admit: () => void): { queued: boolean; cancel: () => void } | undefined {
    if (this.active < MAX_DUMPS) {
      this.active++;
      admit();
      return { queued: false, cancel: () => undefined };
    }
    if (this.waiting.length >= MAX_DUMPS_WAITING) return undefined;
    this.waiting.push(admit);
    return {
      queued: true,
      cancel: () => {
        const at = this.waiting.indexOf(admit);
        if (at >= 0) this.waiting.splice(at, 1);
      },
    };
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/** Calls `action` once, when the handler has handed over its whole answer (`res.end`) or the connection has closed. */
function onHandlerDone(res: ServerResponse, action: () => void): void {
  let done = false;
  const once = (): void => {
    if (!done) {
      done = true;
      action();
    }
  };
  // Called back with `this` bound by apply below: the wrapper only adds the notification.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const end = res.end;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    once();
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['end'];
  res.once('close', once);
}

/** Calls `action` once, when the answer has been handed to the kernel ('finish') or the connection has closed. */
function onSent(res: ServerResponse, action: () => void): void {
  let done = false;
  const once = (): void => {
    if (!done) {
      done = true;
      action();
    }
  };
  res.once('finish', once);
  res.once('close', once);
}

export function createApp(options: ServerOptions): express.Express {
  const { scheduler, procfs, logger, telemetryPath } = options;
  const known = new Set(options.collectors ?? []);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  // First of all, before authentication (bcrypt is costly): the cap on concurrent requests. A slot
  // is held while the handler works, not while a slow (or never reading) client takes the answer:
  // that is bounded by the connection's write timeout (see listen), and does not lock others out.
  const inFlight = options.inFlight ?? { count: 0 };
  app.use((_req, res, next) => {
    const max = options.maxRequests ?? 0;
    if (max > 0 && inFlight.count >= max) {
      res
        .status(503)
        .set('Retry-After', '1')
        .json({ error: `too many concurrent requests (limit ${max}, --web.max-requests)` });
      return;
    }
    inFlight.count++;
    let held = true;
    const release = (): void => {
      if (held) {
        held = false;
        inFlight.count--;
      }
    };
    res.locals.releaseSlot = release;
    onHandlerDone(res, release);
    next();
  });
  if (options.webConfig) app.use(webConfigMiddleware(options.webConfig));

  if (options.dump.enabled) {
    const slots = (inFlight.dumps ??= new DumpSlots());
    const waitMs = options.dump.timeoutMs ?? 10_000;
    app.use((req, res, next) => {
      // The pages' script and style sheet are constants: they never wait behind a dump.
      if (!req.path.startsWith('/dump/') || Object.values(ASSET_PATHS).includes(req.path as never)) return next();
      let timer: NodeJS.Timeout | undefined;
      const ticket = slots.acquire(() => {
        clearTimeout(timer);
        if (res.destroyed) return slots.release();
        onSent(res, () => slots.release());
        next();
      });
      if (!ticket) {
        res
          .status(503)
          .set('Retry-After', '1')
          .json({ error: `too many dumps at once (${MAX_DUMPS} served, ${MAX_DUMPS_WAITING} waiting)` });
        return;
      }
      if (!ticket.queued) return;
      // Waiting for a dump slot is not work: it holds no --web.max-requests slot.
      (res.locals.releaseSlot as () => void)();
      res.once('close', ticket.cancel);
      timer = setTimeout(() => {
        ticket.cancel();
        if (!res.headersSent)
          res
            .status(503)
            .set('Retry-After', '1')
            .json({ error: `too many dumps at once: no slot within ${waitMs} ms (dump.timeout)` });
      }, waitMs);
      timer.unref();
    });
  }

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.debug(
        { method: req.method, url: req.originalUrl, status: res.statusCode, duration_ms: Number(process.hrtime.bigint() - started) / 1e6 },
        'request',
      );
    });
    next();
  });

  // Families dropped because another source has their name (a textfile's node_load1): logged as
  // node_exporter's gatherer does, once per change rather than at every scrape.
  let loggedConflicts = '';
  const logConflicts = (conflicts: readonly string[]): void => {
    const text = conflicts.join('\n');
    if (text === loggedConflicts) return;
    loggedConflicts = text;
    if (conflicts.length > 0)
      logger.error({ conflicts }, `${conflicts.length} metric name conflict(s); the first source's families are kept`);
  };

  const serveMetrics = async (req: Request, res: Response): Promise<void> => {
    if (options.countScrape) res.once('finish', () => options.countScrape!(res.statusCode));
    let snapshot = scheduler.snapshot;
    if (!snapshot) {
      const wait = options.firstSnapshotWaitMs ?? 10_000;
      snapshot = await Promise.race([
        scheduler.firstSnapshot(),
        new Promise<undefined>((r) => setTimeout(() => r(undefined), wait).unref()),
      ]);
    }
    if (!snapshot) {
      res.status(503).type('text/plain').send('no complete collection cycle yet\n');
      return;
    }
    logConflicts(snapshot.conflicts);
    const filters = new URLSearchParams(req.originalUrl.split('?')[1] ?? '').getAll('collect[]');
    if (filters.length > 0) {
      const selected = snapshot.select(filters, known);
      if ('refused' in selected) {
        res.status(400).type('text/plain').send(`collect[]: ${selected.refused}\n`);
        return;
      }
      snapshot = selected;
    }
    const format = negotiateFormat(req.get('accept'));
    res.set('Content-Type', CONTENT_TYPES[format]);
    res.vary('Accept').vary('Accept-Encoding');
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      res.set('Content-Encoding', 'gzip');
      res.send(snapshot.gzip(format));
    } else {
      res.send(snapshot.body(format));
    }
  };

  // The telemetry path is a literal path, compared as sent, never an Express route pattern
  // (`/*` or `/:x` would shadow /healthz and /dump); exact, as node_exporter's mux matches it.
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path !== telemetryPath) return next();
    serveMetrics(req, res).catch(next);
  });

  app.get('/healthz', (_req, res) => {
    if (scheduler.snapshot) res.status(200).type('text/plain').send('ok\n');
    else res.status(503).type('text/plain').send('starting: no complete collection cycle yet\n');
  });

  app.get('/', (_req, res) => {
    res.type('html').send(landingPage(telemetryPath, options.dump.enabled));
  });

  if (options.dump.enabled) app.use(dumpRouter({ procfs, logger, ...options.dump }));

  app.use((req, res) => {
    res.status(404).json({ error: `${req.path}: not found` });
  });

  // Malformed URLs (bad percent-encoding) and anything unexpected: JSON, never a stack trace.
  app.use((error: Error & { status?: number }, _req: Request, res: Response, _next: express.NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error.message }, 'request failed');
    res.status(status === 400 ? 404 : status).json({ error: status === 500 ? 'internal error' : error.message });
  });

  return app;
}

/**
 * A malformed request the HTTP parser itself rejects (a request line or
 * headers beyond Node's limit, bad syntax): a JSON answer, as for every other
 * refusal, then the connection is closed.
 */
function answerClientError(error: Error & { code?: string }, socket: import('stream').Duplex): void {
  if (!socket.writable) return void socket.destroy();
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({ error: tooLarge ? 'request line or headers too large' : 'malformed request' });
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** What one connection may hold (see guardConnections). */
export interface ConnectionLimits {
  /** An answer not taken by the client within this time after the handler ended: the connection is closed. */
  writeTimeoutMs?: number;
  /** A connection with no byte moving either way for this long is closed (also one that never sends a request). */
  idleTimeoutMs?: number;
  /** Requests a connection may have waiting behind the one being served (HTTP pipelining); one more closes it. */
  maxPipelined?: number;
  /**
   * Connections open at once at most (default: connectionCap of the soft
   * RLIMIT_NOFILE). One more closes the least recently used idle connection,
   * or the newcomer when every connection is busy.
   */
  maxConnections?: number;
}

export const CONNECTION_DEFAULTS: Required<Omit<ConnectionLimits, 'maxConnections'>> = {
  writeTimeoutMs: 30_000,
  idleTimeoutMs: 30_000,
  maxPipelined: 16,
};

/**
 * The connections allowed for a soft RLIMIT_NOFILE: the limit less a reserve of
 * descriptors for everything else (collectors' reads, /dump, the textfile
 * directory, Node's own), 128 or an eighth of the limit, whichever is larger.
 */
export function connectionCap(openFilesSoftLimit: number): number {
  return Math.max(16, openFilesSoftLimit - Math.max(128, Math.floor(openFilesSoftLimit / 8)));
}

/**
 * This process's soft RLIMIT_NOFILE (from /proc/self/limits), or undefined when
 * unlimited or unknown. Node itself raises the soft limit to the hard one at
 * start (node.cc, PlatformInit), as Go does; this is what is left after that.
 */
export function openFilesSoftLimit(): number | undefined {
  try {
    const record = parseLimits(new ProcFs('/proc').readText('self/limits')).find((r) => r.limit === 'Max open files');
    return typeof record?.soft_limit === 'number' ? record.soft_limit : undefined;
  } catch {
    return undefined;
  }
}

interface ConnectionState {
  /** The TCP socket (under TLS, the one the TLS socket runs on). */
  socket: Socket;
  /** A request of this connection is being served (its answer not yet handed to the kernel). */
  serving: boolean;
  waiting: [IncomingMessage, ServerResponse][];
}

/** The TCP socket under a request's socket (itself, or the one a TLS socket runs on). */
function tcpSocketOf(socket: Socket): Socket {
  return (socket as Socket & { _parent?: Socket })._parent ?? socket;
}

/**
 * Serves each connection's requests one at a time, as Go's net/http does: a
 * pipelined request is handed to the app only once the previous answer has
 * been taken by the kernel, so one connection holds one answer in memory at
 * most, however many requests it sends without reading. Past `maxPipelined`
 * waiting requests the connection is closed, and an answer the client does
 * not take within `writeTimeoutMs` closes it too. Past `maxConnections` open
 * connections, the least recently used idle one is closed to make room: idle
 * connections can neither take the descriptors collectors need (EMFILE) nor
 * keep a scraper out.
 */
function guardConnections(server: Server, handler: http.RequestListener, limits: Required<ConnectionLimits>): http.RequestListener {
  /** Open connections, least recently used first. */
  const open = new Map<Socket, ConnectionState>();
  const states = new WeakMap<Socket, ConnectionState>();
  const stateOf = (socket: Socket): ConnectionState => {
    let state = states.get(socket);
    if (!state) states.set(socket, (state = { socket, serving: false, waiting: [] }));
    return state;
  };
  const touch = (state: ConnectionState): void => {
    open.delete(state.socket);
    if (!state.socket.destroyed) open.set(state.socket, state);
  };
  server.on('connection', (socket: Socket) => {
    open.set(socket, stateOf(socket));
    socket.once('close', () => open.delete(socket));
    if (open.size <= limits.maxConnections) return;
    for (const [other, state] of open) {
      if (other !== socket && !state.serving && state.waiting.length === 0) return void other.destroy();
    }
    socket.destroy();
  });
  const serve = (state: ConnectionState, req: IncomingMessage, res: ServerResponse): void => {
    state.serving = true;
    touch(state);
    let timer: NodeJS.Timeout | undefined;
    onHandlerDone(res, () => {
      timer = setTimeout(() => state.socket.destroy(), limits.writeTimeoutMs);
      timer.unref();
    });
    onSent(res, () => {
      clearTimeout(timer);
      state.serving = false;
      touch(state);
      const next = state.waiting.shift();
      if (next && !state.socket.destroyed) serve(state, ...next);
    });
    handler(req, res);
  };
  return (req, res) => {
    const state = stateOf(tcpSocketOf(req.socket));
    if (!state.serving) return serve(state, req, res);
    if (state.waiting.length >= limits.maxPipelined) {
      state.waiting.length = 0;
      state.socket.destroy();
      return;
    }
    state.waiting.push([req, res]);
  };
}

/**
 * Starts listening (HTTPS when `tls` is given); rejects (EADDRINUSE, EACCES, …)
 * instead of throwing later.
 */
export function listen(
  handler: http.RequestListener,
  port: number,
  host?: string,
  tls?: TlsSettings,
  connectionLimits: ConnectionLimits = {},
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const soft = openFilesSoftLimit();
    const limits = { ...CONNECTION_DEFAULTS, maxConnections: soft === undefined ? Infinity : connectionCap(soft), ...connectionLimits };
    // https (and tls under it) is loaded only for a TLS web config.
    const server: Server = tls ? (require('https') as typeof import('https')).createServer(httpsOptions(tls)) : http.createServer();
    server.on('request', guardConnections(server, handler, limits));
    server.headersTimeout = 10_000;
    server.requestTimeout = 60_000;
    server.timeout = limits.idleTimeoutMs;
    server.on('clientError', answerClientError);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
    if (host === undefined) server.listen(port);
    else server.listen(port, host);
  });
}

export function serverAddress(server: Server): string {
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${host}:${address.port}`;
}
