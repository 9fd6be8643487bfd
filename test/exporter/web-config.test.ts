/**
 * Access control in node_exporter's web-config format (--web.config.file):
 * TLS with a throwaway CA (openssl), plain HTTP refused on a TLS port, basic
 * auth with bcrypt hashes (401 for missing and wrong credentials), client
 * certificates (an unknown client is rejected), extra headers; and the
 * --web.max-requests cap (503 beyond it).
 */
import bcrypt from 'bcryptjs';
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import pino from 'pino';
import { startExporter, type Running } from '../../src/exporter/cli';
import { ConfigError } from '../../src/config';
import express from 'express';
import type { AddressInfo } from 'net';
import {
  loadWebConfig,
  parseWebConfig,
  webConfigMiddleware,
  workerCompare,
  type BasicAuthOptions,
  type WebConfig,
} from '../../src/exporter/web-config';
import { HeldProcFs } from '../support/held-procfs';
import { get, loadConfig, runExporter, TREE_6_18 } from './helpers';

const silent = pino({ level: 'silent' });
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

interface Pki {
  dir: string;
  file: (name: string) => string;
  read: (name: string) => Buffer;
}

/** A throwaway CA, a server certificate for 127.0.0.1, a client certificate of that CA and one of another CA. */
function makePki(): Pki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-pki-'));
  const file = (name: string): string => path.join(dir, name);
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  for (const ca of ['ca', 'rogue-ca'])
    openssl('req', '-x509', ...key, '-keyout', `${ca}.key`, '-out', `${ca}.crt`, '-subj', `/CN=${ca}`, '-days', '2');
  const issue = (name: string, ca: string, ext: string): void => {
    openssl('req', ...key, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    fs.writeFileSync(file(`${name}.ext`), ext);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${ca}.crt`,
      '-CAkey',
      `${ca}.key`,
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
    );
  };
  issue('server', 'ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  issue('client', 'ca', 'extendedKeyUsage=clientAuth\n');
  issue('rogue-client', 'rogue-ca', 'extendedKeyUsage=clientAuth\n');
  return { dir, file, read: (name) => fs.readFileSync(file(name)) };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function httpsGet(url: string, options: https.RequestOptions & { auth?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ...options, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
  });
}

/** The error of a request that must fail, or undefined when it got an answer (then the answer's status). */
async function failure(promise: Promise<{ status: number }>): Promise<string> {
  try {
    const res = await promise;
    return `answered ${res.status}`;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}

describe('web config: TLS, basic auth, client certificates, headers', function () {
  this.timeout(30_000);
  let pki: Pki;
  const hash = bcrypt.hashSync('s3cret', 4);

  before(function () {
    if (!hasOpenssl) this.skip();
    pki = makePki();
  });
  after(() => {
    if (pki) fs.rmSync(pki.dir, { recursive: true, force: true });
  });

  async function start(webConfig: string, extra: string[] = []): Promise<Running> {
    const file = path.join(pki.dir, `web-${Math.random().toString(36).slice(2)}.yml`);
    fs.writeFileSync(file, webConfig);
    const config = loadConfig([
      '--config',
      '/dev/null',
      '--web.listen-address',
      '127.0.0.1:0',
      '--path.procfs',
      TREE_6_18,
      '--web.config.file',
      file,
      ...extra,
    ]);
    const running = await startExporter(config, silent, { pageSize: 4096 });
    await running.scheduler.firstSnapshot();
    return running;
  }

  it('serves HTTPS; refuses plain HTTP; 401 for missing or wrong credentials; sends the configured headers', async () => {
    const running = await start(
      [
        'tls_server_config:',
        '  cert_file: server.crt',
        '  key_file: server.key',
        '  min_version: TLS12',
        'http_server_config:',
        '  headers:',
        '    Strict-Transport-Security: max-age=31536000',
        '    X-Frame-Options: deny',
        'basic_auth_users:',
        `  prometheus: ${hash.replace(/^\$2a\$/, '$2y$')}`,
        '',
      ].join('\n'),
    );
    try {
      const url = `https://${running.address}`;
      const ca = pki.read('ca.crt');
      const auth = (user: string, password: string): Record<string, string> => ({
        Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      });
      const ok = await httpsGet(`${url}/metrics`, { ca, headers: auth('prometheus', 's3cret') });
      expect(ok.status).to.equal(200);
      expect(ok.body).to.include('node_scrape_collector_success{collector="diskstats"} 1');
      expect(ok.headers['strict-transport-security']).to.equal('max-age=31536000');
      expect(ok.headers['x-frame-options']).to.equal('deny');
      // Cached after the first bcrypt check, still right.
      expect((await httpsGet(`${url}/metrics`, { ca, headers: auth('prometheus', 's3cret') })).status).to.equal(200);
      for (const headers of [
        {},
        auth('prometheus', 'wrong'),
        auth('nobody', 's3cret'),
        auth('prometheus', ''),
        { Authorization: 'Bearer x' },
        { Authorization: 'Basic !!!' },
      ]) {
        const res = await httpsGet(`${url}/metrics`, { ca, headers });
        expect(res.status, JSON.stringify(headers)).to.equal(401);
        expect(res.headers['www-authenticate']).to.match(/^Basic /);
        expect(JSON.parse(res.body)).to.have.property('error');
      }
      // Every endpoint is behind the same check.
      expect((await httpsGet(`${url}/dump/loadavg`, { ca })).status).to.equal(401);
      expect((await httpsGet(`${url}/`, { ca })).status).to.equal(401);
      // Plain HTTP on the TLS port gets no answer.
      expect(await failure(get(`http://${running.address}/metrics`))).to.not.match(/^answered 2/);
      // A client that does not trust the server's CA does not connect.
      expect(await failure(httpsGet(`${url}/metrics`, { headers: auth('prometheus', 's3cret') }))).to.match(/CERT|SELF_SIGNED|UNABLE/);
      // TLS 1.1 is below min_version.
      expect(await failure(httpsGet(`${url}/metrics`, { ca, maxVersion: 'TLSv1.1', minVersion: 'TLSv1' }))).to.not.match(/^answered/);
    } finally {
      await running.stop();
    }
  });

  it('RequireAndVerifyClientCert: a client certificate of the CA is let in, an unknown client or none is rejected', async () => {
    const running = await start(
      [
        'tls_server_config:',
        '  cert_file: server.crt',
        '  key_file: server.key',
        '  client_auth_type: RequireAndVerifyClientCert',
        '  client_ca_file: ca.crt',
        '',
      ].join('\n'),
    );
    try {
      const url = `https://${running.address}/metrics`;
      const ca = pki.read('ca.crt');
      const ok = await httpsGet(url, { ca, cert: pki.read('client.crt'), key: pki.read('client.key') });
      expect(ok.status).to.equal(200);
      expect(await failure(httpsGet(url, { ca, cert: pki.read('rogue-client.crt'), key: pki.read('rogue-client.key') }))).to.not.match(
        /^answered/,
      );
      expect(await failure(httpsGet(url, { ca }))).to.not.match(/^answered/);
    } finally {
      await running.stop();
    }
  });

  it('VerifyClientCertIfGiven and RequireAnyClientCert are enforced per request (403)', async () => {
    const verify = await start(
      [
        'tls_server_config:',
        '  cert_file: server.crt',
        '  key_file: server.key',
        '  client_auth_type: VerifyClientCertIfGiven',
        '  client_ca_file: ca.crt',
        '',
      ].join('\n'),
    );
    try {
      const url = `https://${verify.address}/metrics`;
      const ca = pki.read('ca.crt');
      expect((await httpsGet(url, { ca })).status).to.equal(200);
      expect((await httpsGet(url, { ca, cert: pki.read('client.crt'), key: pki.read('client.key') })).status).to.equal(200);
      expect(await failure(httpsGet(url, { ca, cert: pki.read('rogue-client.crt'), key: pki.read('rogue-client.key') }))).to.equal(
        'answered 403',
      );
    } finally {
      await verify.stop();
    }
    const any = await start(
      ['tls_server_config:', '  cert_file: server.crt', '  key_file: server.key', '  client_auth_type: RequireAnyClientCert', ''].join(
        '\n',
      ),
    );
    try {
      const url = `https://${any.address}/metrics`;
      const ca = pki.read('ca.crt');
      expect((await httpsGet(url, { ca })).status).to.equal(403);
      expect((await httpsGet(url, { ca, cert: pki.read('rogue-client.crt'), key: pki.read('rogue-client.key') })).status).to.equal(200);
    } finally {
      await any.stop();
    }
  });

  it('basic auth works without TLS too', async () => {
    const running = await start(`basic_auth_users:\n  alice: ${hash}\n`);
    try {
      const url = `http://${running.address}/metrics`;
      expect((await get(url)).status).to.equal(401);
      expect((await get(url, { Authorization: `Basic ${Buffer.from('alice:s3cret').toString('base64')}` })).status).to.equal(200);
    } finally {
      await running.stop();
    }
  });

  it('refuses an invalid web config with one line naming the key; the command exits 2', () => {
    const problem = (text: string): string => {
      try {
        parseWebConfig(text, path.join(pki.dir, 'web.yml'));
      } catch (error) {
        expect(error).to.be.instanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('expected a ConfigError');
    };
    expect(problem('tls_server_config:\n  cert_file: server.crt\n')).to.match(/tls_server_config\.key_file: missing/);
    expect(problem('tls_server_config:\n  cert_file: nope.crt\n  key_file: server.key\n')).to.match(/cert_file: .*nope\.crt: no such file/);
    expect(problem('tls_server_config:\n  cert_file: server.crt\n  key_file: client.key\n')).to.match(
      /tls_server_config: .*(key|values mismatch)/i,
    );
    expect(problem('tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  client_auth_type: Sometimes\n')).to.match(
      /client_auth_type: expected one of/,
    );
    expect(
      problem('tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  client_auth_type: RequireAndVerifyClientCert\n'),
    ).to.match(/client_ca_file: required/);
    expect(problem('tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  min_version: TLS9\n')).to.match(
      /min_version: expected one of TLS10/,
    );
    expect(
      problem('tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  cipher_suites: [TLS_AES_128_GCM_SHA256]\n'),
    ).to.match(/cipher_suites: unknown or unsupported key/);
    expect(problem('basic_auth_users:\n  alice: plaintext\n')).to.match(/basic_auth_users\.alice: expected a bcrypt hash/);
    expect(problem('http_server_config:\n  headers:\n    Set-Cookie: a=b\n')).to.match(/headers\.Set-Cookie: not allowed/);
    expect(problem('http_server_config:\n  headers:\n    X-Content-Type-Options: sniff\n')).to.match(/invalid value/);
    expect(problem('tls_config: {}\n')).to.match(/tls_config: unknown or unsupported key/);
    expect(() => loadWebConfig(path.join(pki.dir, 'absent.yml'))).to.throw(ConfigError, /absent\.yml: no such file/);
    const file = path.join(pki.dir, 'bad-web.yml');
    fs.writeFileSync(file, 'basic_auth_users:\n  alice: plaintext\n');
    const result = runExporter([
      '--config',
      '/dev/null',
      '--path.procfs',
      TREE_6_18,
      '--web.listen-address',
      '127.0.0.1:0',
      '--web.config.file',
      file,
    ]);
    expect(result.status).to.equal(2);
    expect(result.stderr.trim().split('\n')).to.have.length(1);
    expect(result.stderr).to.match(/^proc-exporter: .*basic_auth_users\.alice: expected a bcrypt hash/);
  });
});

describe('--web.max-requests', function () {
  this.timeout(30_000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-maxreq-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('defaults to 40, rejects a non-number', () => {
    expect(loadConfig(['--config', '/dev/null']).maxRequests).to.equal(40);
    expect(() => loadConfig(['--config', '/dev/null', '--web.max-requests', 'many'])).to.throw(
      ConfigError,
      /--web.max-requests: expected a whole number/,
    );
  });

  it('answers 503 beyond the cap while requests are in flight, and serves again once they end', async () => {
    const configFile = path.join(tmp, 'config.yaml');
    fs.writeFileSync(configFile, 'dump:\n  timeout: 1s\n');
    const config = loadConfig([
      '--config',
      configFile,
      '--web.listen-address',
      '127.0.0.1:0',
      '--path.procfs',
      TREE_6_18,
      '--web.max-requests',
      '1',
    ]);
    // uptime, which no collector reads: its dumps wait until released.
    let procfs: HeldProcFs | undefined;
    const running = await startExporter(
      config,
      silent,
      { pageSize: 4096 },
      { procfs: (root) => (procfs = new HeldProcFs(root, new Set(['uptime']))) },
    );
    try {
      await running.scheduler.firstSnapshot();
      const base = `http://${running.address}`;
      // A dump of a file whose read does not complete holds the one request slot (a second dump waits
      // for the one dump slot, holding no request slot).
      const held = [get(`${base}/dump/uptime`), get(`${base}/dump/uptime`)];
      await new Promise((r) => setTimeout(r, 200));
      const refused = await get(`${base}/metrics`);
      expect(refused.status).to.equal(503);
      expect(JSON.parse(refused.body).error).to.match(/too many concurrent requests \(limit 1/);
      procfs!.release();
      const answers = await Promise.all(held);
      for (const a of answers) expect(a.status).to.be.oneOf([200, 503]);
      expect((await get(`${base}/metrics`)).status).to.equal(200);
    } finally {
      procfs?.release();
      await running.stop();
    }
  });
});

describe('basic auth: same cost for unknown users, bcrypt bounded and off the event loop, cached', function () {
  this.timeout(30_000);
  const alice = bcrypt.hashSync('right', 4);
  // A syntactically valid cost-12 hash (its password is unknown: it is never matched here).
  const bob = `$2y$12$${'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0'}`;
  const config: WebConfig = parseWebConfig(`basic_auth_users:\n  alice: ${alice}\n  bob: ${bob}\n`, '/nonexistent/web.yml');
  const auth = (user: string, password: string): Record<string, string> => ({
    Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  });

  async function serve(options: BasicAuthOptions): Promise<{ url: string; close: () => void }> {
    const app = express();
    app.use(webConfigMiddleware(() => config, options));
    app.get('/x', (_req, res) => res.send('ok'));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, close: () => server.close() };
  }

  /** A compare function that records its calls and answers from `answer` (true for alice's right password). */
  function recording(
    answer = (password: string, hash: string): Promise<boolean> => Promise.resolve(hash === alice && password === 'right'),
  ): {
    calls: [string, string][];
    compare: (password: string, hash: string) => Promise<boolean>;
  } {
    const calls: [string, string][] = [];
    return { calls, compare: (password, hash) => (calls.push([password, hash]), answer(password, hash)) };
  }

  it('an unknown user is compared against a dummy hash of the highest cost among the users, and gets the same answer', async () => {
    expect(config.dummyHash).to.match(/^\$2b\$12\$[./A-Za-z0-9]{53}$/);
    expect(parseWebConfig(`basic_auth_users:\n  alice: ${alice}\n`, '/x/web.yml').dummyHash).to.match(/^\$2b\$04\$/);
    const spy = recording();
    const s = await serve({ compare: spy.compare });
    try {
      const unknown = await get(s.url, auth('mallory', 'guess'));
      const wrong = await get(s.url, auth('bob', 'guess'));
      expect(spy.calls).to.deep.equal([
        ['guess', config.dummyHash],
        ['guess', config.users.get('bob')],
      ]);
      for (const res of [unknown, wrong]) {
        expect(res.status).to.equal(401);
        expect(JSON.parse(res.body)).to.deep.equal({ error: 'wrong user name or password' });
      }
      expect(unknown.headers['www-authenticate']).to.equal(wrong.headers['www-authenticate']);
    } finally {
      s.close();
    }
  });

  it('caches outcomes as exporter-toolkit does: a repeated scrape or a repeated wrong guess runs no bcrypt', async () => {
    const spy = recording();
    const s = await serve({ compare: spy.compare });
    try {
      expect((await get(s.url, auth('alice', 'right'))).status).to.equal(200);
      expect((await get(s.url, auth('alice', 'right'))).status).to.equal(200);
      expect((await get(s.url, auth('alice', 'wrong'))).status).to.equal(401);
      expect((await get(s.url, auth('alice', 'wrong'))).status).to.equal(401);
      expect((await get(s.url, auth('nobody', 'x'))).status).to.equal(401);
      expect((await get(s.url, auth('nobody', 'x'))).status).to.equal(401);
      expect(spy.calls.map((c) => c[0])).to.deep.equal(['right', 'wrong', 'x']);
      // Another password for the same user is checked again.
      expect((await get(s.url, auth('alice', 'other'))).status).to.equal(401);
      expect(spy.calls).to.have.length(4);
    } finally {
      s.close();
    }
  });

  it('one comparison at a time and at most maxWaiting waiting: beyond, 503 at once; a cached scrape is served meanwhile', async () => {
    const held: (() => void)[] = [];
    let hold = false;
    const spy = recording((password, hash) => {
      const ok = hash === alice && password === 'right';
      if (!hold) return Promise.resolve(ok);
      return new Promise((resolve) => held.push(() => resolve(ok)));
    });
    const s = await serve({ compare: spy.compare, maxWaiting: 2 });
    try {
      expect((await get(s.url, auth('alice', 'right'))).status).to.equal(200);
      hold = true;
      const guesses = ['g1', 'g2', 'g3'].map((g) => get(s.url, auth('alice', g)));
      for (let i = 0; i < 50 && spy.calls.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      // g1 runs, g2 and g3 wait: only one comparison has started.
      expect(spy.calls.map((c) => c[0])).to.deep.equal(['right', 'g1']);
      const refused = await get(s.url, auth('alice', 'g4'));
      expect(refused.status).to.equal(503);
      expect(JSON.parse(refused.body)).to.deep.equal({ error: 'too many password checks at once (2 waiting)' });
      expect((await get(s.url, auth('alice', 'right'))).status).to.equal(200);
      for (let started = 2; started <= 4; started++) {
        for (let i = 0; i < 50 && held.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
        expect(spy.calls).to.have.length(started);
        held.shift()!();
      }
      expect((await Promise.all(guesses)).map((r) => r.status)).to.deep.equal([401, 401, 401]);
      expect(spy.calls.map((c) => c[0])).to.deep.equal(['right', 'g1', 'g2', 'g3']);
    } finally {
      s.close();
    }
  });

  it('the default comparison is bcrypt on a worker thread', async () => {
    const compare = workerCompare();
    expect(await compare('right', alice)).to.equal(true);
    expect(await compare('wrong', alice)).to.equal(false);
    expect(await compare('x', config.dummyHash.replace('$12$', '$04$'))).to.equal(false);
  });
});
