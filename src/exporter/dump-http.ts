/**
 * The /dump routes: the index, one handler's records, the page assets, and
 * the helpful refusals (src/exporter/dump.ts does the reading).
 *
 * Format: JSON by default; HTML when the client prefers `text/html` (a
 * browser); CSV when it prefers `text/csv`; `?format=json|csv|html` forces
 * one. CSV goes out as `text/csv` only to a client that asks for it by name,
 * as `text/plain; charset=utf-8` otherwise, so that a browser shows it.
 *
 * Memory: the server lets one dump run at a time (DumpSlots in server.ts,
 * held until the answer is sent); JSON and CSV answers are written piece by
 * piece with back-pressure (their length is counted first, for the size cap
 * and Content-Length), never as one string. A client that stops reading for
 * 5 s (STALL_MS) loses its connection, and with it the slot.
 *
 * `/dump/net/tcp` redirects to `/dump/net.tcp`; an unknown name answers 404
 * with the closest handler names.
 */
import express, { type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { csvLines } from '../format/csv';
import type { ParseResult } from '../parse';
import type { ProcFs } from '../procfs';
import { getHandler } from '../registry';
import {
  dumpChoices,
  dumpEntries,
  DumpError,
  dumpFile,
  dumpHandler,
  dumpName,
  perProcessEntries,
  suggestHandlers,
  type DumpChoices,
  type DumpLimits,
} from './dump';
import {
  ASSET_PATHS,
  CONTENT_SECURITY_POLICY,
  DUMP_SCRIPT,
  DUMP_STYLE,
  renderErrorPage,
  renderHandlerPage,
  renderIndex,
  type HandlerPageOptions,
} from './dump-html';

export interface DumpRouterOptions {
  procfs: ProcFs;
  logger: Logger;
  perProcess: boolean;
  environOfOtherProcesses?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

type Format = 'json' | 'csv' | 'html';

/** `?format=` when given (404 for anything else), otherwise the client's preference; JSON unless it prefers HTML or CSV. */
function chooseFormat(req: Request): Format {
  const forced = req.query.format;
  if (forced !== undefined) {
    if (forced === 'json' || forced === 'csv' || forced === 'html') return forced;
    throw new DumpError(404, 'format: expected json, csv or html');
  }
  const preferred = req.accepts(['application/json', 'text/html', 'text/csv']);
  return preferred === 'text/html' ? 'html' : preferred === 'text/csv' ? 'csv' : 'json';
}

/** The format an error is answered in: HTML for a browser, JSON otherwise. */
function errorFormat(req: Request): 'json' | 'html' {
  try {
    return chooseFormat(req) === 'html' ? 'html' : 'json';
  } catch {
    return 'json';
  }
}

/** CSV for a client that names text/csv in Accept; text/plain (shown, not downloaded) for everyone else. */
function csvType(req: Request): string {
  const named = /(^|[\s,])text\/csv\b/i.test(req.get('accept') ?? '') && req.accepts('text/csv') !== false;
  return named ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8';
}

/** proc2json's output (`JSON.stringify(result, null, 2)` and a newline), one record at a time. */
export function* jsonPieces(result: ParseResult): Generator<string> {
  const head = `{\n  "source": ${JSON.stringify(result.source)},\n  "handler": ${JSON.stringify(result.handler)},\n  "records": `;
  const { records } = result;
  if (records.length === 0) {
    yield `${head}[]\n}\n`;
    return;
  }
  yield `${head}[\n`;
  for (let i = 0; i < records.length; i++) {
    yield `    ${JSON.stringify(records[i], null, 2).replace(/\n/g, '\n    ')}${i < records.length - 1 ? ',\n' : '\n'}`;
  }
  yield '  ]\n}\n';
}

/** Resolves when the response can take more; rejects (and drops the connection) when it closes or stalls for `stallMs`. */
function drained(res: Response, stallMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error): void => {
      clearTimeout(timer);
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => done();
    const onClose = (): void => done(new Error('connection closed'));
    const timer = setTimeout(() => {
      res.destroy();
      done(new Error(`client read nothing for ${stallMs} ms`));
    }, stallMs);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

const BATCH = 64 * 1024;

/**
 * A streamed answer the client takes nothing of for this long (or dump.timeout,
 * if shorter) loses its connection: the server's write timeout only starts
 * once a handler has ended its answer, which a streamed one has not.
 */
const STALL_MS = 5000;

function tooLarge(maxBytes: number): DumpError {
  return new DumpError(413, `response larger than the dump size limit of ${maxBytes} bytes (dump.maxBytes)`);
}

/**
 * Writes an answer made of pieces: counted first (413 past `maxBytes`, and
 * Content-Length), then written in batches with back-pressure.
 */
async function sendPieces(res: Response, pieces: () => Iterable<string>, type: string, maxBytes: number, stallMs: number): Promise<void> {
  let length = 0;
  for (const piece of pieces()) {
    length += Buffer.byteLength(piece);
    if (length > maxBytes) throw tooLarge(maxBytes);
  }
  if (res.destroyed) return;
  res.status(200).type(type).set('Content-Length', String(length));
  let batch = '';
  for (const piece of pieces()) {
    batch += piece;
    if (batch.length >= BATCH) {
      const more = res.write(batch);
      batch = '';
      if (res.destroyed) return;
      if (!more) await drained(res, stallMs);
    }
  }
  res.end(batch);
}

function sendHtml(res: Response, status: number, body: string): void {
  // An operator's own Content-Security-Policy (web config http_server_config.headers) is kept.
  if (!res.get('Content-Security-Policy')) res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.status(status).type('text/html; charset=utf-8').send(body);
}

/** The name a request asked for (for the error page's search link), when it is plain text. */
function requestedName(req: Request): string | undefined {
  const name = typeof req.params.file === 'string' ? req.params.file : req.path.slice('/dump/'.length).replace(/\//g, '.');
  return /^[A-Za-z0-9_.:+-]{1,64}$/.test(name) ? name : undefined;
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function dumpRouter(options: DumpRouterOptions): express.Router {
  const { procfs, logger } = options;
  const limits: Required<DumpLimits> = {
    perProcess: options.perProcess,
    environOfOtherProcesses: options.environOfOtherProcesses ?? false,
    maxBytes: options.maxBytes ?? 16 * 1024 * 1024,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  const stallMs = Math.min(STALL_MS, limits.timeoutMs);
  const router = express.Router({ caseSensitive: true, strict: true });

  router.use('/dump', (_req, res, next) => {
    res.vary('Accept').set('X-Content-Type-Options', 'nosniff');
    next();
  });

  const fail = (req: Request, res: Response, error: unknown, page?: (status: number, message: string) => string): void => {
    if (res.headersSent || res.destroyed) return;
    const status = error instanceof DumpError ? error.status : 500;
    const message = (error as Error).message;
    if (status >= 500) logger.warn({ err: message, url: req.originalUrl }, 'dump failed');
    if (errorFormat(req) === 'html') {
      const suggestions = error instanceof DumpError ? error.suggestions : [];
      sendHtml(res, status, page ? page(status, message) : renderErrorPage(status, message, suggestions, requestedName(req)));
      return;
    }
    const suggestions = error instanceof DumpError && error.suggestions.length > 0 ? { suggestions: error.suggestions } : {};
    res.status(status).json({ error: message, ...suggestions });
  };

  router.get(ASSET_PATHS.script, (_req, res) => {
    res.set('Cache-Control', 'max-age=300').type('text/javascript; charset=utf-8').send(DUMP_SCRIPT);
  });
  router.get(ASSET_PATHS.style, (_req, res) => {
    res.set('Cache-Control', 'max-age=300').type('text/css; charset=utf-8').send(DUMP_STYLE);
  });

  router.get('/dump', (req, res) => {
    try {
      const format = chooseFormat(req);
      if (format === 'csv') throw new DumpError(404, 'format: the list of files is JSON or HTML');
      const entries = dumpEntries(limits.perProcess);
      if (format === 'json') {
        res.json({ files: entries });
        return;
      }
      const withheld = limits.perProcess ? [] : perProcessEntries();
      sendHtml(res, 200, renderIndex({ entries, withheld, procfsRoot: procfs.root, filter: stringParam(req.query.q) }));
    } catch (error) {
      fail(req, res, error);
    }
  });

  // express 4 ignores the promise; the handler answers every failure itself (its catch below).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  router.get('/dump/:file', async (req, res) => {
    let page: ((status: number, message: string) => string) | undefined;
    try {
      const format = chooseFormat(req);
      const handler = dumpHandler(req.params.file, limits.perProcess);
      const query = { pid: req.query.pid, item: req.query.item };
      const htmlPage = (choices: DumpChoices, extra: Partial<HandlerPageOptions>): string =>
        renderHandlerPage({
          handler: handler.name,
          summary: handler.summary,
          parameters: dumpEntries(true).find((e) => e.handler === handler.name)?.parameters ?? [],
          query: { pid: stringParam(req.query.pid), item: stringParam(req.query.item), forced: req.query.format === 'html' },
          choices,
          page: Number(stringParam(req.query.page) ?? '1') || 1,
          ...extra,
        });
      if (format === 'html') {
        page = (status, message) => htmlPage(choicesFor(handler, query), { error: { status, message } });
      }
      const outcome = await dumpFile(req.params.file, query, procfs, limits);
      if (res.destroyed) return;
      if (format === 'json') {
        await sendPieces(res, () => jsonPieces(outcome.result), 'application/json; charset=utf-8', limits.maxBytes, stallMs);
      } else if (format === 'csv') {
        const lines = (): Iterable<string> => csvLines(outcome.result.records, '|', outcome.result.handler);
        await sendPieces(res, lines, csvType(req), limits.maxBytes, stallMs);
      } else {
        const body = htmlPage(choicesFor(handler, query), { outcome });
        if (Buffer.byteLength(body) > limits.maxBytes) throw tooLarge(limits.maxBytes);
        sendHtml(res, 200, body);
      }
    } catch (error) {
      fail(req, res, error, page);
    }
  });

  /** `/dump/net/tcp`: a handler's path written with slashes redirects to its /dump name; anything else is 404 with the closest names. */
  router.get('/dump/*', (req, res) => {
    const raw = req.path.slice('/dump/'.length);
    if (raw === '') return void res.redirect(308, `/dump${req.originalUrl.slice(req.path.length)}`);
    const segments = raw.split('/').map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return '';
      }
    });
    const safe = segments.every((s) => /^[A-Za-z0-9_:+-][A-Za-z0-9_.:+-]*$/.test(s));
    const name = segments.join('/');
    if (safe && getHandler(name) !== undefined) {
      const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      res.redirect(308, `/dump/${dumpName(name)}${search}`);
      return;
    }
    const suggestions = safe ? suggestHandlers(name, limits.perProcess) : [];
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '';
    const shown = JSON.stringify(`/dump/${raw}`.slice(0, 200));
    fail(req, res, new DumpError(404, `${shown}: no such dumpable file (GET /dump lists them)${hint}`, suggestions));
  });

  function choicesFor(handler: Parameters<typeof dumpChoices>[0], query: { pid?: unknown }): DumpChoices {
    try {
      return dumpChoices(handler, query, procfs);
    } catch {
      return {};
    }
  }

  return router;
}
