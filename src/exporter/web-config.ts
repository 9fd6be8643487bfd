/**
 * `--web.config.file`: Prometheus exporter-toolkit's web configuration format
 * (the file node_exporter reads), for TLS, client certificates, basic auth and
 * extra response headers:
 *
 *   tls_server_config:
 *     cert_file: server.crt          # relative paths: relative to this file
 *     key_file: server.key
 *     client_auth_type: RequireAndVerifyClientCert   # default NoClientCert
 *     client_ca_file: ca.crt
 *     min_version: TLS12             # TLS10 … TLS13, default TLS12
 *     max_version: TLS13
 *   http_server_config:
 *     headers: { Strict-Transport-Security: max-age=31536000 }
 *   basic_auth_users:
 *     alice: $2y$10$…                # bcrypt hashes (htpasswd -nBC 10 "" | tr -d ':\n')
 *
 * Every problem is a ConfigError with the key in one line. Keys of the format
 * this exporter does not implement (cipher_suites, curve_preferences, http2,
 * client_allowed_sans…) are refused rather than silently ignored, so that an
 * operator never believes a restriction is in force when it is not.
 */
import { createHash } from 'crypto';
import type { NextFunction, Request, Response } from 'express';
import * as path from 'path';
import type { SecureVersion, TLSSocket } from 'tls';
import { Worker } from 'worker_threads';
import { parseDocument } from 'yaml';
import { describeReadError, readPlainFile } from '../procfs';
import { ConfigError } from '../config';

export type ClientAuthType =
  'NoClientCert' | 'RequestClientCert' | 'RequireAnyClientCert' | 'VerifyClientCertIfGiven' | 'RequireAndVerifyClientCert';

const CLIENT_AUTH_TYPES: ClientAuthType[] = [
  'NoClientCert',
  'RequestClientCert',
  'RequireAnyClientCert',
  'VerifyClientCertIfGiven',
  'RequireAndVerifyClientCert',
];

const TLS_VERSIONS: Record<string, SecureVersion> = { TLS10: 'TLSv1', TLS11: 'TLSv1.1', TLS12: 'TLSv1.2', TLS13: 'TLSv1.3' };

/** Headers exporter-toolkit lets a web config set, with the values it accepts (undefined: any). */
const ALLOWED_HEADERS: Record<string, RegExp | undefined> = {
  'strict-transport-security': undefined,
  'x-content-type-options': /^nosniff$/i,
  'x-frame-options': /^(deny|sameorigin)$/i,
  'x-xss-protection': undefined,
  'content-security-policy': undefined,
};

export interface TlsSettings {
  cert: Buffer;
  key: Buffer;
  ca?: Buffer;
  clientAuthType: ClientAuthType;
  minVersion: SecureVersion;
  maxVersion?: SecureVersion;
}

export interface WebConfig {
  file: string;
  tls?: TlsSettings;
  /** user → bcrypt hash; empty when basic auth is off. */
  users: Map<string, string>;
  /** What an unknown user's password is compared against: a hash of the highest cost among the users (dummyHash). */
  dummyHash: string;
  headers: Record<string, string>;
}

/** The salt and digest of a hash no password sent matters for (its comparison always fails). */
const DUMMY_SALT_AND_DIGEST = 'X23y5ndZso3arKeIptXVoeQVRL//lbvgbyEOt16O1LjjdzTfBTC.W';

/**
 * A bcrypt hash of the highest cost among `users` (10 when there are none),
 * compared against for an unknown user, so that a wrong user name costs what a
 * wrong password does: answer times do not tell which user names exist.
 * (exporter-toolkit uses a fixed cost-10 hash, which tells them apart from a
 * cost-12 user's.)
 */
export function dummyHash(users: ReadonlyMap<string, string>): string {
  let cost = users.size > 0 ? 4 : 10;
  for (const hash of users.values()) cost = Math.max(cost, Number(/^\$2[abxy]?\$(\d{2})\$/.exec(hash)?.[1] ?? 10));
  return `$2b$${String(cost).padStart(2, '0')}$${DUMMY_SALT_AND_DIGEST}`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, allowed: string[], where: string, file: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw new ConfigError(`${file}: ${where}${key}: unknown or unsupported key (supported: ${allowed.join(', ')})`);
  }
}

function readPem(file: string, key: string, base: string, configFile: string): Buffer {
  const full = path.resolve(path.dirname(base), file);
  try {
    return readPlainFile(full);
  } catch (error) {
    throw new ConfigError(`${configFile}: ${key}: ${full}: ${describeReadError(error)}`);
  }
}

function stringAt(value: unknown, key: string, file: string): string {
  if (typeof value !== 'string' || value === '') throw new ConfigError(`${file}: ${key}: expected a non-empty string`);
  return value;
}

/** Parses web-config text (exporter-toolkit's format); `file` names it in messages and anchors relative paths. */
export function parseWebConfig(text: string, file: string): WebConfig {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigError(`${file}: ${doc.errors[0].message.split('\n')[0]}`);
  const raw = (doc.toJS() as unknown) ?? {};
  if (!isMapping(raw)) throw new ConfigError(`${file}: expected a mapping at the top level`);
  checkKeys(raw, ['tls_server_config', 'http_server_config', 'basic_auth_users'], '', file);
  const config: WebConfig = { file, users: new Map(), dummyHash: dummyHash(new Map()), headers: {} };

  const tls = raw.tls_server_config;
  if (tls !== undefined && tls !== null) {
    if (!isMapping(tls)) throw new ConfigError(`${file}: tls_server_config: expected a mapping`);
    checkKeys(
      tls,
      ['cert_file', 'key_file', 'client_auth_type', 'client_ca_file', 'min_version', 'max_version'],
      'tls_server_config.',
      file,
    );
    const hasAny = Object.keys(tls).length > 0;
    if (hasAny) {
      if (tls.cert_file === undefined)
        throw new ConfigError(`${file}: tls_server_config.cert_file: missing (required with tls_server_config)`);
      if (tls.key_file === undefined)
        throw new ConfigError(`${file}: tls_server_config.key_file: missing (required with tls_server_config)`);
      const clientAuthType = (tls.client_auth_type ?? 'NoClientCert') as ClientAuthType;
      if (!CLIENT_AUTH_TYPES.includes(clientAuthType)) {
        throw new ConfigError(`${file}: tls_server_config.client_auth_type: expected one of ${CLIENT_AUTH_TYPES.join(', ')}`);
      }
      const version = (key: string, fallback?: string): SecureVersion | undefined => {
        const v = tls[key] ?? fallback;
        if (v === undefined) return undefined;
        if (typeof v !== 'string' || !(v in TLS_VERSIONS))
          throw new ConfigError(`${file}: tls_server_config.${key}: expected one of ${Object.keys(TLS_VERSIONS).join(', ')}`);
        return TLS_VERSIONS[v];
      };
      const minVersion = version('min_version', 'TLS12')!;
      const maxVersion = version('max_version');
      const order = Object.values(TLS_VERSIONS);
      if (maxVersion !== undefined && order.indexOf(maxVersion) < order.indexOf(minVersion)) {
        throw new ConfigError(`${file}: tls_server_config.max_version: lower than min_version`);
      }
      const verifies = clientAuthType === 'VerifyClientCertIfGiven' || clientAuthType === 'RequireAndVerifyClientCert';
      if (verifies && tls.client_ca_file === undefined) {
        throw new ConfigError(`${file}: tls_server_config.client_ca_file: required when client_auth_type is ${clientAuthType}`);
      }
      if (!verifies && tls.client_ca_file !== undefined && clientAuthType === 'NoClientCert') {
        throw new ConfigError(`${file}: tls_server_config.client_auth_type: client_ca_file is set but client_auth_type is NoClientCert`);
      }
      config.tls = {
        cert: readPem(stringAt(tls.cert_file, 'tls_server_config.cert_file', file), 'tls_server_config.cert_file', file, file),
        key: readPem(stringAt(tls.key_file, 'tls_server_config.key_file', file), 'tls_server_config.key_file', file, file),
        ca:
          tls.client_ca_file === undefined
            ? undefined
            : readPem(
                stringAt(tls.client_ca_file, 'tls_server_config.client_ca_file', file),
                'tls_server_config.client_ca_file',
                file,
                file,
              ),
        clientAuthType,
        minVersion,
        maxVersion,
      };
      try {
        // A certificate that does not parse, or a key that does not match it, is a start-up (or reload) error.
        // tls is loaded only for a web config with TLS (https loads it for the server as well).
        (require('tls') as typeof import('tls')).createSecureContext({ cert: config.tls.cert, key: config.tls.key, ca: config.tls.ca });
      } catch (error) {
        throw new ConfigError(`${file}: tls_server_config: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }

  const http = raw.http_server_config;
  if (http !== undefined && http !== null) {
    if (!isMapping(http)) throw new ConfigError(`${file}: http_server_config: expected a mapping`);
    checkKeys(http, ['headers'], 'http_server_config.', file);
    const headers = http.headers ?? {};
    if (!isMapping(headers)) throw new ConfigError(`${file}: http_server_config.headers: expected a mapping`);
    for (const [name, value] of Object.entries(headers)) {
      const rule = ALLOWED_HEADERS[name.toLowerCase()];
      if (!(name.toLowerCase() in ALLOWED_HEADERS)) {
        throw new ConfigError(
          `${file}: http_server_config.headers.${name}: not allowed (allowed: Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options, X-XSS-Protection, Content-Security-Policy)`,
        );
      }
      if (typeof value !== 'string' || /[\r\n\0]/.test(value) || (rule !== undefined && !rule.test(value))) {
        throw new ConfigError(`${file}: http_server_config.headers.${name}: invalid value ${JSON.stringify(value)}`);
      }
      config.headers[name] = value;
    }
  }

  const users = raw.basic_auth_users;
  if (users !== undefined && users !== null) {
    if (!isMapping(users)) throw new ConfigError(`${file}: basic_auth_users: expected a mapping of user names to bcrypt hashes`);
    for (const [user, hash] of Object.entries(users)) {
      if (user === '' || user.includes(':'))
        throw new ConfigError(`${file}: basic_auth_users.${user}: a user name is non-empty and has no ':'`);
      if (typeof hash !== 'string' || !/^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/.test(hash)) {
        throw new ConfigError(`${file}: basic_auth_users.${user}: expected a bcrypt hash ($2y$10$…)`);
      }
      // bcryptjs knows $2a$/$2b$; $2y$ (htpasswd) is the same algorithm.
      config.users.set(user, hash.replace(/^\$2[xy]\$/, '$2b$'));
    }
    config.dummyHash = dummyHash(config.users);
  }
  return config;
}

export function loadWebConfig(file: string): WebConfig {
  let text: string;
  try {
    text = readPlainFile(file).toString('utf8');
  } catch (error) {
    throw new ConfigError(`--web.config.file: ${file}: ${describeReadError(error)}`);
  }
  return parseWebConfig(text, file);
}

/** Options for https.createServer from a TLS section. */
export function httpsOptions(tls: TlsSettings): import('https').ServerOptions {
  const requestCert = tls.clientAuthType !== 'NoClientCert';
  return {
    cert: tls.cert,
    key: tls.key,
    ca: tls.ca,
    minVersion: tls.minVersion,
    maxVersion: tls.maxVersion,
    requestCert,
    // RequireAndVerifyClientCert fails the handshake itself; the other modes are checked per request.
    rejectUnauthorized: tls.clientAuthType === 'RequireAndVerifyClientCert',
  };
}

/** Compares a password with a bcrypt hash. */
export type PasswordCompare = (password: string, hash: string) => Promise<boolean>;

/**
 * bcrypt on a worker thread (bcryptjs is JavaScript: a cost-12 check takes
 * about 300 ms of CPU, which on the event loop would stall every request).
 * The worker is started on first use and does not keep the process alive; if
 * it dies, the checks in flight fail and the next one starts another.
 */
export function workerCompare(): PasswordCompare {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (ok: boolean) => void; reject: (error: Error) => void }>();
  const start = (): Worker => {
    const code = [
      "const { parentPort } = require('worker_threads');",
      `const bcrypt = require(${JSON.stringify(require.resolve('bcryptjs'))});`,
      "parentPort.on('message', ({ id, password, hash }) => {",
      '  let ok = false;',
      '  try { ok = bcrypt.compareSync(password, hash); } catch { ok = false; }',
      '  parentPort.postMessage({ id, ok });',
      '});',
    ].join('\n');
    const w = new Worker(code, { eval: true });
    w.on('message', ({ id, ok }: { id: number; ok: boolean }) => {
      pending.get(id)?.resolve(ok);
      pending.delete(id);
      if (pending.size === 0) w.unref();
    });
    const fail = (error: Error): void => {
      worker = undefined;
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`bcrypt worker exited with ${code}`)));
    return w;
  };
  return (password, hash) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker ??= start();
      // Referenced while a check is pending, so that its answer is awaited; an idle worker keeps nothing alive.
      worker.ref();
      worker.postMessage({ id, password, hash });
    });
}

/**
 * One bcrypt comparison at a time (exporter-toolkit's bcryptMtx), at most
 * `maxWaiting` more waiting: beyond, `check` refuses at once (undefined), so
 * that clients sending wrong passwords queue a bounded amount of work and a
 * scrape with cached credentials never waits behind them.
 */
export class BcryptQueue {
  private running = false;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly compare: PasswordCompare,
    readonly maxWaiting: number,
  ) {}

  /** How many comparisons are running or waiting. */
  get size(): number {
    return (this.running ? 1 : 0) + this.waiting.length;
  }

  check(password: string, hash: string): Promise<boolean> | undefined {
    if (this.running && this.waiting.length >= this.maxWaiting) return undefined;
    return new Promise<boolean>((resolve, reject) => {
      const run = (): void => {
        this.running = true;
        this.compare(password, hash)
          .then(resolve, reject)
          .finally(() => {
            this.running = false;
            this.waiting.shift()?.();
          });
      };
      if (this.running) this.waiting.push(run);
      else run();
    });
  }
}

/** Verified (or refused) user:password:hash triples kept, each kind, at most. */
const CACHE_LIMIT = 1024;

export interface BasicAuthOptions {
  /** The comparison (default: bcrypt on a worker thread). */
  compare?: PasswordCompare;
  /** Comparisons waiting behind the running one at most (default 16); beyond, 503. */
  maxWaiting?: number;
}

function unauthorized(res: Response, message: string): void {
  res.set('WWW-Authenticate', 'Basic realm="proc-exporter", charset="UTF-8"').status(401).json({ error: message });
}

/** The cache key of a check: a digest, so that no password is kept in memory. */
function cacheKey(user: string, hash: string, password: string): string {
  return createHash('sha256').update(user).update('\0').update(hash).update('\0').update(password).digest('hex');
}

/** A bounded map: the oldest entry goes when it is full. */
function remember(cache: Map<string, true>, key: string): void {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, true);
}

/**
 * Middleware enforcing a web config per request: client certificate policy,
 * basic auth, extra headers. `current` is read at each request, so a reload
 * (SIGHUP) takes effect for the next request without a new listener.
 *
 * Basic auth, as exporter-toolkit's: an unknown user is compared against a
 * hash of the same cost (dummyHash); each outcome is cached by digest of
 * user, hash and password (a repeated scrape, or a repeated wrong guess, costs
 * no bcrypt); refusals and successes are kept apart, so that wrong guesses
 * never push verified credentials out.
 */
export function webConfigMiddleware(
  current: () => WebConfig | undefined,
  options: BasicAuthOptions = {},
): (req: Request, res: Response, next: NextFunction) => void {
  const verified = new Map<string, true>();
  const refused = new Map<string, true>();
  let queue: BcryptQueue | undefined;
  return (req, res, next) => {
    const config = current();
    if (!config) return next();
    for (const [name, value] of Object.entries(config.headers)) res.set(name, value);
    const tls = config.tls;
    if (tls && (tls.clientAuthType === 'RequireAnyClientCert' || tls.clientAuthType === 'VerifyClientCertIfGiven')) {
      const socket = req.socket as TLSSocket;
      const cert = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : undefined;
      const given = cert !== undefined && cert !== null && Object.keys(cert).length > 0;
      if (tls.clientAuthType === 'RequireAnyClientCert' && !given) {
        res.status(403).json({ error: 'a client certificate is required' });
        return;
      }
      if (tls.clientAuthType === 'VerifyClientCertIfGiven' && given && !socket.authorized) {
        res.status(403).json({ error: 'client certificate not trusted' });
        return;
      }
    }
    if (config.users.size === 0) return next();
    const header = req.get('authorization') ?? '';
    const m = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header.trim());
    if (!m) return unauthorized(res, 'authentication required');
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return unauthorized(res, 'authentication required');
    const user = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    const hash = config.users.get(user);
    const compared = hash ?? config.dummyHash;
    const key = cacheKey(user, compared, password);
    if (hash !== undefined && verified.has(key)) return next();
    if (refused.has(key)) return unauthorized(res, 'wrong user name or password');
    queue ??= new BcryptQueue(options.compare ?? workerCompare(), options.maxWaiting ?? 16);
    const check = queue.check(password, compared);
    if (!check) {
      res
        .status(503)
        .set('Retry-After', '1')
        .json({ error: `too many password checks at once (${queue.maxWaiting} waiting)` });
      return;
    }
    check.then(
      (ok) => {
        if (ok && hash !== undefined) {
          remember(verified, key);
          return next();
        }
        remember(refused, key);
        unauthorized(res, 'wrong user name or password');
      },
      (error: Error) => {
        if (!res.headersSent) res.status(503).json({ error: `password check failed: ${error.message}` });
      },
    );
  };
}
