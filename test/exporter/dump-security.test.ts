/**
 * /dump cannot be walked out of: hostile requests (`..` in every encoding,
 * absolute paths, backslashes, NUL bytes, overlong names, trailing junk,
 * symbolic links out of the procfs root, per-process handlers while disabled,
 * another process's environ) all get a 4xx JSON answer, and an fs-level spy
 * shows that no file outside the allowed handlers was opened. Plus the size
 * cap and the per-request timeout.
 */
import { expect } from 'chai';
import * as fs from 'fs';
// The module object itself (not the namespace copy), so that the spy can replace its functions.
import fsModule = require('fs');
import * as os from 'os';
import * as path from 'path';
import pino from 'pino';
import { createApp, listen, serverAddress } from '../../src/exporter/server';
import { Scheduler } from '../../src/exporter/scheduler';
import { ProcFs } from '../../src/procfs';
import { projectRoot } from '../support/fixtures';
import { HeldProcFs } from '../support/held-procfs';
import { get, TREE_6_18 } from './helpers';

const silent = pino({ level: 'silent' });
const SECRET = 'SECRET-outside-the-procfs-root';

type DumpOptions = Parameters<typeof createApp>[0]['dump'];

async function serve(procfs: ProcFs, dump: DumpOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const scheduler = new Scheduler({ collectors: [], procfs, env: { pageSize: 4096 }, logger: silent });
  const app = createApp({ scheduler, procfs, logger: silent, telemetryPath: '/metrics', dump });
  const server = await listen(app, 0, '127.0.0.1');
  return {
    url: `http://${serverAddress(server)}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every path the process opens, lists or reads a link of while `on` (module loading of .js/.json/.ts files aside). */
class FsSpy {
  readonly opened: string[] = [];
  readonly listed: string[] = [];
  readonly links: string[] = [];
  private readonly restore: (() => void)[] = [];
  install(): void {
    const record = (into: string[]) => (p: unknown) => {
      if (typeof p !== 'string' && !Buffer.isBuffer(p) && !(p instanceof URL)) return;
      const text = path.resolve(p instanceof URL ? p.pathname : String(p));
      if (/\.(c?js|json|ts|map)$/.test(text) && (text.startsWith(projectRoot) || text.includes('node_modules'))) return;
      into.push(text);
    };
    const wrap = <T extends object>(target: T, name: keyof T & string, into: string[]): void => {
      const original = target[name] as unknown as (...args: unknown[]) => unknown;
      const spy = record(into);
      (target as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
        spy(args[0]);
        return original.apply(this, args);
      };
      this.restore.push(() => ((target as Record<string, unknown>)[name] = original));
    };
    wrap(fsModule, 'openSync', this.opened);
    wrap(fsModule, 'open', this.opened);
    wrap(fsModule, 'readFileSync', this.opened);
    wrap(fsModule, 'readFile', this.opened);
    wrap(fsModule, 'createReadStream', this.opened);
    wrap(fsModule.promises, 'open', this.opened);
    wrap(fsModule.promises, 'readFile', this.opened);
    wrap(fsModule, 'readlinkSync', this.links);
    wrap(fsModule, 'readdirSync', this.listed);
    wrap(fsModule.promises, 'readdir', this.listed);
  }
  uninstall(): void {
    for (const r of this.restore.splice(0).reverse()) r();
  }
  clear(): void {
    this.opened.length = 0;
    this.listed.length = 0;
    this.links.length = 0;
  }
}

/** Whether `file` is under the root, by name and by real location (of its directory only, for a link read as a link). */
function inside(root: string, file: string, followLast = true): boolean {
  const real = (() => {
    try {
      return followLast ? fs.realpathSync(file) : path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return file;
    }
  })();
  const rootReal = fs.realpathSync(root);
  return (file === root || file.startsWith(root + path.sep)) && (real === rootReal || real.startsWith(rootReal + path.sep));
}

describe('/dump under hostile requests', function () {
  this.timeout(30_000);
  let tmp: string;
  let root: string;
  let outside: string;
  const spy = new FsSpy();
  let plain: { url: string; close: () => Promise<void> };
  let perProcess: { url: string; close: () => Promise<void> };

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-dump-'));
    root = path.join(tmp, 'proc');
    outside = path.join(tmp, 'outside');
    fs.cpSync(TREE_6_18, root, { recursive: true, verbatimSymlinks: true });
    // Things outside the root that links inside it point at.
    fs.mkdirSync(path.join(outside, 'snmp'), { recursive: true });
    fs.mkdirSync(path.join(outside, 'pid', 'attr'), { recursive: true });
    fs.writeFileSync(path.join(outside, 'secret'), `${SECRET}\n`);
    fs.writeFileSync(path.join(outside, 'snmp', 'eth0'), `Ip6InReceives ${SECRET}\n`);
    fs.writeFileSync(path.join(outside, 'pid', 'status'), `Name:\t${SECRET}\n`);
    fs.writeFileSync(path.join(outside, 'pid', 'environ'), `SECRET=${SECRET}\0`);
    fs.writeFileSync(path.join(outside, 'pid', 'attr', 'current'), `${SECRET}\n`);
    fs.rmSync(path.join(root, 'diskstats'));
    fs.symlinkSync('/etc/passwd', path.join(root, 'diskstats'));
    fs.rmSync(path.join(root, 'net', 'sockstat'));
    fs.symlinkSync(path.join(outside, 'secret'), path.join(root, 'net', 'sockstat'));
    fs.rmSync(path.join(root, 'net', 'snmp'));
    fs.symlinkSync('../../outside/secret', path.join(root, 'net', 'snmp'));
    fs.rmSync(path.join(root, 'net', 'dev_snmp6'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'snmp'), path.join(root, 'net', 'dev_snmp6'));
    fs.rmSync(path.join(root, '4243'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'pid'), path.join(root, '4243'));
    fs.symlinkSync(path.join(outside, 'pid'), path.join(root, 'self'));
    fs.symlinkSync(path.join(outside, 'pid', 'attr'), path.join(root, '4242', 'attr'));
    plain = await serve(new ProcFs(root), { enabled: true, perProcess: false });
    perProcess = await serve(new ProcFs(root), { enabled: true, perProcess: true });
    spy.install();
  });

  after(async () => {
    spy.uninstall();
    await plain?.close();
    await perProcess?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const withoutPerProcess = [
    // `..` in every encoding
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '%2E%2E',
    '..%2f',
    '%252e%252e%252fetc%252fpasswd',
    '..%252f..%252fetc%252fpasswd',
    '%c0%ae%c0%ae%c0%afetc%c0%afpasswd',
    '%c0%ae%c0%ae',
    '..%c0%afetc%c0%afpasswd',
    '%e0%80%ae%e0%80%ae',
    '%ef%bc%8e%ef%bc%8e%ef%bc%8fetc',
    '%uff0e%uff0e',
    '../../etc/passwd',
    './loadavg/../../etc/passwd',
    '..;/etc/passwd',
    // absolute paths
    '%2Fetc%2Fpasswd',
    '/etc/passwd',
    'file%3A%2F%2F%2Fetc%2Fpasswd',
    // backslashes
    '..%5C..%5Cetc%5Cpasswd',
    '%2e%2e%5c%2e%2e%5cetc%5cpasswd',
    '..\\..\\etc\\passwd',
    // NUL bytes
    'loadavg%00',
    'loadavg%00.json',
    '%00',
    'loadavg%2500',
    'net.sockstat%00..%2F..%2Fetc%2Fpasswd',
    // overlong names
    'a'.repeat(5000),
    'loadavg'.repeat(3000),
    `${'..%2F'.repeat(800)}etc%2Fpasswd`,
    // handler names with trailing junk
    'loadavg..',
    'loadavg~',
    'loadavg%20',
    'loadavg.bak',
    'loadavg%2F',
    'net.sockstat..',
    'net%2F..%2F..%2Fetc%2Fpasswd',
    'loadavg?format=..%2F..%2Fetc%2Fpasswd',
    // symbolic links in the root that point outside it
    'diskstats',
    'net.sockstat',
    'net.snmp',
    'net.dev_snmp6?item=eth0',
    'net.dev_snmp6?item=..%2F..%2F..%2Fetc%2Fpasswd',
    'net.dev_snmp6?item=%2Fetc%2Fpasswd',
    // per-process handlers while they are disabled
    'pid.status?pid=4242',
    'pid%2Fstatus?pid=4242',
    'pid.environ?pid=4242',
    'pid.environ',
    '4242.status',
    '4242%2Fenviron',
    'self.environ',
    'pid.fd?pid=4242&item=0',
    // never served at all: binary and write-only files
    'pid.mem?pid=4242',
    'net.rt_acct',
    'kcore',
  ];

  const withPerProcess = [
    // another process's environ: per-process dumps are on, environOfOtherProcesses is not
    'pid.environ?pid=4242',
    'pid%2Fenviron?pid=4242',
    'pid.environ',
    'pid.environ?pid=self',
    'pid.environ?pid=4243',
    'pid.environ?pid=1',
    // pid values that try to leave
    'pid.status?pid=..',
    'pid.status?pid=..%2F..%2Fetc',
    'pid.status?pid=4242%2F..%2F..',
    'pid.status?pid=-1',
    'pid.status?pid=4242&pid=4243',
    'pid.status?pid[]=4242',
    'pid.status?pid=1%0a',
    'pid.status?pid=%2Fetc',
    // pid directories and items that are links out of the root
    'pid.status?pid=4243',
    'pid.status?pid=self',
    'pid.attr?pid=4242&item=current',
    'pid.fdinfo?pid=4242&item=..',
    'pid.fdinfo?pid=4242&item=%2e%2e',
    'pid.fdinfo?pid=4242&item=0%00',
    'pid.fd?pid=4242&item=..%2F..%2F..%2Fetc%2Fpasswd',
    'pid.mem?pid=4242',
  ];

  it(`answers ${withoutPerProcess.length + withPerProcess.length} hostile requests with 4xx JSON and opens no file outside the allowed handlers`, async () => {
    expect(withoutPerProcess.length + withPerProcess.length).to.be.at.least(40);
    spy.clear();
    const cases = [...withoutPerProcess.map((p) => [plain.url, p] as const), ...withPerProcess.map((p) => [perProcess.url, p] as const)];
    for (const [url, request] of cases) {
      const res = await get(`${url}/dump/${request}`);
      expect(res.status, request).to.be.within(400, 499);
      expect(res.headers['content-type'], request).to.match(/^application\/json/);
      expect(JSON.parse(res.body), request).to.have.property('error').that.is.a('string');
      expect(res.body, request).to.not.include(SECRET);
      expect(res.body, request).to.not.include('root:x:0:0');
    }
    // Hostile requests open no file at all; directories listed and links read are inside the root, never through a link out of it.
    expect(spy.opened, 'files opened').to.deep.equal([]);
    for (const p of spy.listed) expect(inside(root, p), p).to.equal(true);
    for (const p of spy.links) expect(inside(root, p, false), p).to.equal(true);
  });

  it('serves the allowed files (control): opens only them, under the root', async () => {
    spy.clear();
    const ok = await get(`${plain.url}/dump/loadavg`);
    expect(ok.status).to.equal(200);
    const pid = await get(`${perProcess.url}/dump/pid.status?pid=4242`);
    expect(pid.status).to.equal(200);
    const link = await get(`${perProcess.url}/dump/pid.cwd?pid=4242`);
    expect(link.status).to.equal(200);
    expect(spy.opened).to.deep.equal([path.join(root, 'loadavg'), path.join(root, '4242', 'status')]);
    for (const p of spy.listed) expect(inside(root, p), p).to.equal(true);
    for (const p of spy.links) expect(inside(root, p, false), p).to.equal(true);
  });

  it("refuses another process's environ with 403 unless dump.environOfOtherProcesses allows it", async () => {
    const refused = await get(`${perProcess.url}/dump/pid.environ?pid=4242`);
    expect(refused.status).to.equal(403);
    expect(JSON.parse(refused.body).error).to.match(/environOfOtherProcesses/);
    const allowing = await serve(new ProcFs(TREE_6_18), { enabled: true, perProcess: true, environOfOtherProcesses: true });
    try {
      const res = await get(`${allowing.url}/dump/pid.environ?pid=4242`);
      expect(res.status).to.equal(200);
      expect(JSON.parse(res.body).handler).to.equal('pid/environ');
    } finally {
      await allowing.close();
    }
  });

  it("serves the exporter's own environ (live /proc, pid=self) when per-process dumps are on", async function () {
    if (!fs.existsSync('/proc/self/environ')) this.skip();
    const live = await serve(new ProcFs('/proc'), { enabled: true, perProcess: true });
    try {
      const self = await get(`${live.url}/dump/pid.environ?pid=self`);
      expect(self.status).to.equal(200);
      const own = await get(`${live.url}/dump/pid.environ?pid=${process.pid}`);
      expect(own.status).to.equal(200);
      const other = await get(`${live.url}/dump/pid.environ?pid=1`);
      expect(other.status).to.equal(403);
    } finally {
      await live.close();
    }
  });

  it('caps the size of a dump (413) and its duration (503), both configurable', async () => {
    const small = await serve(new ProcFs(TREE_6_18), { enabled: true, perProcess: false, maxBytes: 100 });
    try {
      const big = await get(`${small.url}/dump/meminfo`);
      expect(big.status).to.equal(413);
      expect(JSON.parse(big.body).error).to.match(/dump size limit of 100 bytes/);
      // A file under the cap whose JSON answer is over it.
      const answer = await get(`${small.url}/dump/loadavg`);
      expect(answer.status).to.equal(413);
    } finally {
      await small.close();
    }
    /** A tree where uptime's reads do not finish until released (a wedged file). */
    const wedged = new HeldProcFs(TREE_6_18, new Set(['uptime']));
    const slow = await serve(wedged, { enabled: true, perProcess: false, timeoutMs: 200 });
    try {
      const res = await get(`${slow.url}/dump/uptime`);
      expect(res.status).to.equal(503);
      expect(JSON.parse(res.body).error).to.match(/timed out after 200 ms/);
    } finally {
      wedged.release();
      await slow.close();
    }
  });
});
