/**
 * /dump's HTML view in a real browser: Debian's headless Chromium driven by
 * playwright-core (pinned; it never downloads a browser). The index filters,
 * a handler page renders one row per record of a fixture file, lists expand,
 * the pickers navigate, hostile values (`<script>` in a process name and a
 * mount point) are shown as text and never run, the page breaks no rule of
 * its Content-Security-Policy, and it all works over TLS with basic auth.
 *
 * Needs `chromium` (Debian: `apt-get install chromium`; CHROMIUM_PATH
 * overrides /usr/bin/chromium). Without it the tests are skipped with that
 * message, except in CI (CI=true), where they fail. UPDATE_SCREENSHOTS=1
 * rewrites the screenshots under docs/ that the README shows.
 */
import bcrypt from 'bcryptjs';
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import pino from 'pino';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startExporter, type Running } from '../../src/exporter/cli';
import { DUMP_AREAS, dumpArea, dumpEntries, dumpName } from '../../src/exporter/dump';
import { Scheduler } from '../../src/exporter/scheduler';
import { createApp, listen, serverAddress } from '../../src/exporter/server';
import { ProcFs } from '../../src/procfs';
import { projectRoot } from '../support/fixtures';
import { loadConfig, TREE_6_18 } from './helpers';

const silent = pino({ level: 'silent' });
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags that work as root in a container: no sandbox, no GPU, nothing fetched in the background. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const MISSING = `chromium not found at ${CHROMIUM}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`;

interface Served {
  url: string;
  close: () => Promise<void>;
}

async function serve(root: string): Promise<Served> {
  const procfs = new ProcFs(root);
  const scheduler = new Scheduler({ collectors: [], procfs, env: { pageSize: 4096 }, logger: silent });
  const app = createApp({ scheduler, procfs, logger: silent, telemetryPath: '/metrics', dump: { enabled: true, perProcess: true } });
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

/** The page's globals the callbacks run in the browser use (the project's types have no DOM). */
interface PageGlobals {
  document: { scripts: ArrayLike<{ getAttribute(name: string): string | null }> };
  getComputedStyle(element: unknown): { borderCollapse: string };
  pwned?: number;
}

/** The handler names of the index rows the browser shows (not hidden by the filter). */
function visibleRows(page: Page): Promise<string[]> {
  return page.$$eval('tr[data-filter]', (rows) =>
    rows
      .filter((row) => (row as unknown as { offsetParent: unknown }).offsetParent !== null)
      .map((row) => row.querySelector('td')!.textContent!.trim()),
  );
}

function borderCollapse(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => (globalThis as unknown as PageGlobals).getComputedStyle(element).borderCollapse);
}

describe('/dump in a real browser (headless Chromium)', function () {
  this.timeout(120_000);
  let context: BrowserContext;
  let userDataDir: string;
  let tmp: string;
  let fixture: Served;
  let hostile: Served;
  /** Console errors and page errors of every page, CSP violations included. */
  const problems: string[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI === 'true') throw new Error(MISSING);
      console.log(`      skipped: ${MISSING}`);
      this.skip();
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-browser-'));
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1280, height: 800 },
    });
    context.on('console', (message) => {
      const where = message.location().url;
      if (message.type() === 'error' && !where.endsWith('/favicon.ico')) problems.push(`${where}: ${message.text()}`);
    });
    context.on('weberror', (error) => problems.push(error.error().message));
    fixture = await serve(TREE_6_18);
    // A tree whose values are hostile HTML: a mount point and a process name.
    const root = path.join(tmp, 'proc');
    fs.mkdirSync(path.join(root, '4242'), { recursive: true });
    const mounts = fs.readFileSync(path.join(TREE_6_18, 'mounts'), 'utf8');
    fs.writeFileSync(
      path.join(root, 'mounts'),
      `${mounts}tmpfs /mnt/<script>window.pwned=1</script> tmpfs rw 0 0\n` +
        'tmpfs /mnt/<img\\040src=x\\040onerror=window.pwned=2> tmpfs rw 0 0\n',
    );
    const status = fs.readFileSync(path.join(TREE_6_18, '4242', 'status'), 'utf8');
    fs.writeFileSync(path.join(root, '4242', 'status'), status.replace(/^Name:\t.*$/m, 'Name:\t<script>window.pwned=3</script>'));
    hostile = await serve(root);
  });

  after(async () => {
    await context?.close();
    await fixture?.close();
    await hostile?.close();
    for (const dir of [tmp, userDataDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    problems.length = 0;
  });

  afterEach(function () {
    if (this.currentTest?.state === 'passed') expect(problems, 'console errors, page errors, CSP violations').to.deep.equal([]);
  });

  it('the index lists every handler by area, and the filter box narrows it as one types', async () => {
    const page = await context.newPage();
    await page.goto(`${fixture.url}/dump`);
    const all = await visibleRows(page);
    // Every handler, area by area (the server's list with dump.perProcess on).
    const byArea = DUMP_AREAS.flatMap((area) => dumpEntries(true).filter((e) => dumpArea(e.handler) === area));
    expect(all).to.deep.equal(byArea.map((e) => dumpName(e.handler)));
    expect(await page.$$eval('section[data-area] h2', (h) => h.map((e) => e.textContent!.replace(/\s+\d+$/, '')))).to.deep.equal([
      'root — /proc/*',
      'net — /proc/net/*',
      'per-process — /proc/<pid>/*',
      'sysvipc — /proc/sysvipc/*',
    ]);
    await page.fill('#filter', 'tcp6');
    expect(await visibleRows(page)).to.deep.equal(['net.tcp6']);
    expect(await page.textContent('#shown')).to.equal(`1 of ${all.length}`);
    // Sections without a match are hidden.
    expect(await page.$$eval('section[data-area]', (s) => s.filter((e) => !e.hidden).map((e) => e.dataset.area))).to.deep.equal(['net']);
    await page.fill('#filter', 'sysvipc');
    expect(await visibleRows(page)).to.deep.equal(['sysvipc.msg', 'sysvipc.sem', 'sysvipc.shm']);
    await page.fill('#filter', 'memory pressure');
    expect(await visibleRows(page)).to.deep.equal(['pressure.memory']);
    await page.fill('#filter', '');
    expect(await visibleRows(page)).to.deep.equal(all);
    await page.click('text=net.sockstat6');
    expect(new URL(page.url()).pathname).to.equal('/dump/net.sockstat6');
    await page.close();
  });

  it('a handler page shows one table row per record of the fixture file (mounts: 20)', async () => {
    const page = await context.newPage();
    await page.goto(`${fixture.url}/dump/mounts`);
    expect(await page.$$eval('table.records tbody tr', (rows) => rows.length)).to.equal(20);
    expect(await page.textContent('#record-count')).to.equal('20');
    const first = await page.$$eval('table.records tbody tr:first-child td', (cells) => cells.slice(0, 4).map((c) => c.textContent));
    expect(first).to.deep.equal(['0', 'proc', '/proc', 'proc']);
    const last = await page.$$eval('table.records tbody tr:last-child td', (cells) => cells.slice(0, 4).map((c) => c.textContent));
    expect(last).to.deep.equal(['19', 'cgroup2', '/sys/fs/cgroup/unified', 'cgroup2']);
    // The style sheet applied (CSP style-src 'self').
    expect(await borderCollapse(page, 'table.records')).to.equal('collapse');
    await page.close();
  });

  it('a list expands: cpuinfo flags', async () => {
    const page = await context.newPage();
    await page.goto(`${fixture.url}/dump/cpuinfo`);
    const flags = page.locator('table.records tbody tr:first-child details').first();
    expect(await flags.locator('ol').isVisible()).to.equal(false);
    await flags.locator('summary').click();
    expect(await flags.locator('ol').isVisible()).to.equal(true);
    expect(await flags.locator('li').count()).to.equal(117);
    expect(await flags.locator('li').first().textContent()).to.equal('fpu');
    await page.close();
  });

  it('the pickers choose the process and the item (submitted on change)', async () => {
    const page = await context.newPage();
    await page.goto(`${fixture.url}/dump/pid.fdinfo?pid=4242&item=0`);
    expect(await page.$$eval('table.records tbody tr', (rows) => rows.length)).to.equal(1);
    await Promise.all([page.waitForURL(/item=2/), page.selectOption('select[name=item]', '2')]);
    expect(new URL(page.url()).searchParams.get('pid')).to.equal('4242');
    expect(await page.textContent('.facts dd code')).to.equal(path.join(TREE_6_18, '4242', 'fdinfo', '2'));
    await page.close();
  });

  it('hostile values are shown as text and never run: a mount point, a process name', async () => {
    const page = await context.newPage();
    await page.goto(`${hostile.url}/dump/mounts`);
    const points = await page.$$eval('table.records tbody tr td:nth-child(3)', (cells) => cells.map((c) => c.textContent));
    expect(points.slice(-2)).to.deep.equal(['/mnt/<script>window.pwned=1</script>', '/mnt/<img src=x onerror=window.pwned=2>']);
    expect(await page.$$eval('table.records img', (images) => images.length)).to.equal(0);
    await page.goto(`${hostile.url}/dump/pid.status?pid=4242`);
    const nameColumn = await page.$$eval('table.records thead th', (th) => th.findIndex((h) => h.textContent === 'Name'));
    const name = await page.$eval(`table.records tbody tr td:nth-child(${nameColumn + 1})`, (c) => c.textContent);
    expect(name).to.equal('<script>window.pwned=3</script>');
    // The only script of the page is the exporter's own file; none of the values ran.
    const scripts = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return Array.from(document.scripts, (s) => s.getAttribute('src'));
    });
    expect(scripts).to.deep.equal(['/dump/assets/dump.js']);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pwned)).to.equal(undefined);
    await page.close();
  });

  it('an unknown name: the error page links the closest handlers', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${fixture.url}/dump/tpc6`);
    expect(response!.status()).to.equal(404);
    expect(await page.$$eval('ul.suggestions a', (links) => links.map((a) => a.getAttribute('href')))).to.deep.equal(['/dump/net.tcp6']);
    // /dump/net/tcp in the address bar lands on /dump/net.tcp.
    await page.goto(`${fixture.url}/dump/net/tcp`);
    expect(new URL(page.url()).pathname).to.equal('/dump/net.tcp');
    expect(await page.textContent('h1')).to.equal('net.tcp');
    problems.length = 0; // the 404 itself is logged by the browser
    await page.close();
  });

  it('works over TLS with basic auth: the script and style sheet load with the page', async function () {
    if (spawnSync('openssl', ['version']).status !== 0) {
      if (process.env.CI === 'true') throw new Error('openssl is missing');
      this.skip();
    }
    const dir = path.join(tmp, 'tls');
    fs.mkdirSync(dir);
    const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key', '-out', 'server.crt'];
    const subject = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '2'];
    execFileSync('openssl', ['req', '-x509', ...key, ...subject], { cwd: dir, stdio: 'pipe' });
    const web = path.join(dir, 'web.yml');
    const hash = bcrypt.hashSync('s3cret', 4).replace(/^\$2a\$/, '$2y$');
    fs.writeFileSync(web, `tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\nbasic_auth_users:\n  viewer: ${hash}\n`);
    const configFile = path.join(dir, 'config.yaml');
    fs.writeFileSync(configFile, 'dump:\n  enabled: true\n');
    const flags = ['--web.listen-address=127.0.0.1:0', `--path.procfs=${TREE_6_18}`, `--web.config.file=${web}`];
    const config = loadConfig(['--config', configFile, ...flags]);
    const running: Running = await startExporter(config, silent, { pageSize: 4096 });
    // A browser of its own (a fresh profile), with the credentials and the self-signed certificate accepted.
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const authed = await browser.newContext({ ignoreHTTPSErrors: true, httpCredentials: { username: 'viewer', password: 's3cret' } });
    try {
      const page = await authed.newPage();
      const response = await page.goto(`https://${running.address}/dump`);
      expect(response!.status()).to.equal(200);
      await page.fill('#filter', 'tcp6');
      expect(await visibleRows(page)).to.deep.equal(['net.tcp6']);
      expect(await borderCollapse(page, 'table.index')).to.equal('collapse');
      await page.goto(`https://${running.address}/dump/net.tcp`);
      const rows = await page.$$eval('table.records tbody tr', (r) => r.length);
      expect(rows).to.equal(Number(await page.textContent('#record-count')));
      // Without credentials the browser is refused (headless, it cannot ask for them: the navigation fails).
      const anonymous = await browser.newContext({ ignoreHTTPSErrors: true });
      const statuses: number[] = [];
      const refused = await anonymous.newPage();
      refused.on('response', (r) => statuses.push(r.status()));
      const failure = await refused.goto(`https://${running.address}/dump`).then(
        () => 'loaded',
        (error: Error) => error.message,
      );
      expect(failure).to.match(/ERR_INVALID_AUTH_CREDENTIALS/);
      expect(statuses).to.deep.equal([401]);
      await anonymous.close();
      problems.length = 0; // the 401 is logged by the browser
    } finally {
      await browser.close();
      running.server.closeAllConnections();
      await running.stop();
    }
  });

  it('screenshots of each page type (UPDATE_SCREENSHOTS=1 writes them to docs/)', async () => {
    const out = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(projectRoot, 'docs') : path.join(tmp, 'screenshots');
    fs.mkdirSync(out, { recursive: true });
    const page = await context.newPage();
    const shots: [string, string, () => Promise<void>][] = [
      ['dump-index.png', '/dump', async () => void (await page.fill('#filter', 'net'))],
      ['dump-table.png', '/dump/net.tcp', () => Promise.resolve()],
      ['dump-process.png', '/dump/pid.maps?pid=4242', () => Promise.resolve()],
      ['dump-nested.png', '/dump/cpuinfo', async () => void (await page.click('table.records tbody tr:first-child details summary'))],
      ['dump-error.png', '/dump/sockstats', () => Promise.resolve()],
    ];
    for (const [file, url, prepare] of shots) {
      await page.goto(`${fixture.url}${url}`);
      await prepare();
      await page.screenshot({ path: path.join(out, file) });
      const png = fs.readFileSync(path.join(out, file));
      expect(png.subarray(1, 4).toString(), file).to.equal('PNG');
      expect(png.readUInt32BE(16), `${file} width`).to.equal(1280);
    }
    problems.length = 0; // the error page's 404
    await page.close();
  });
});
