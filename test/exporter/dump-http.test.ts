/**
 * /dump over HTTP on 127.0.0.1: the format a client gets (JSON by default,
 * HTML for a browser, CSV as text/plain unless text/csv is asked for), the
 * helpful refusals (a redirect for `/dump/net/tcp`, the closest names for an
 * unknown one, 403 naming dump.perProcess), 4xx for a link loop, a socket and
 * a directory the exporter may not list, the HTML pages as served, and the
 * bound on concurrent dumps (a queue, answers streamed with back-pressure).
 */
import { expect } from 'chai';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import pino from 'pino';
import { dumpEntries, perProcessEntries } from '../../src/exporter/dump';
import { jsonPieces } from '../../src/exporter/dump-http';
import { CONTENT_SECURITY_POLICY, DUMP_SCRIPT, DUMP_STYLE } from '../../src/exporter/dump-html';
import { Scheduler } from '../../src/exporter/scheduler';
import { createApp, listen, serverAddress } from '../../src/exporter/server';
import { HeldProcFs } from '../support/held-procfs';
import { ProcFs } from '../../src/procfs';
import { runBin } from '../support/fixtures';
import { isRoot, unprivilegedIds, unprivilegedProblem } from '../support/unprivileged';
import { exporterArgs, get, TREE_3_2, TREE_6_18 } from './helpers';

const silent = pino({ level: 'silent' });
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

type DumpOptions = Parameters<typeof createApp>[0]['dump'];

interface Served {
  url: string;
  close: () => Promise<void>;
}

async function serve(root: string, dump: DumpOptions): Promise<Served> {
  const procfs = new ProcFs(root);
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

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('/dump over HTTP', function () {
  this.timeout(60_000);
  let plain: Served;
  let perProcess: Served;
  let tmp: string;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-dump-http-'));
    plain = await serve(TREE_6_18, { enabled: true, perProcess: false });
    perProcess = await serve(TREE_6_18, { enabled: true, perProcess: true });
  });

  after(async () => {
    await plain?.close();
    await perProcess?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('formats', () => {
    for (const [name, file] of [
      ['net.tcp', 'net/tcp'],
      ['mounts', 'mounts'],
      ['kallsyms', 'kallsyms'],
      ['swaps', 'swaps'],
    ] as const) {
      it(`${name}: JSON by default, byte for byte what proc2json prints, with its Content-Length`, async () => {
        const expected = runBin('proc2json', [path.join(TREE_6_18, file)]).stdout;
        const res = await get(`${plain.url}/dump/${name}`);
        expect(res.status).to.equal(200);
        expect(res.headers['content-type']).to.equal('application/json; charset=utf-8');
        expect(res.headers['content-length']).to.equal(String(res.raw.length));
        expect(res.body).to.equal(expected);
      });
    }

    it('jsonPieces writes what JSON.stringify(result, null, 2) writes, for no records too', () => {
      for (const result of [
        { source: '/proc/x', handler: 'x', records: [] },
        { source: 'a"b', handler: 'h', records: [{ a: 1, b: { c: [1, { d: 'e\n' }], f: {} }, g: [] }, { a: 2 }] },
      ]) {
        expect([...jsonPieces(result)].join('')).to.equal(`${JSON.stringify(result, null, 2)}\n`);
      }
    });

    it('HTML for a browser (Accept prefers text/html), with a strict Content-Security-Policy', async () => {
      const res = await get(`${plain.url}/dump/loadavg`, { Accept: BROWSER_ACCEPT });
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.equal('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).to.equal(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).to.equal('nosniff');
      expect(res.headers.vary).to.match(/Accept/);
      expect(res.body).to.match(/^<!DOCTYPE html>/);
      // No inline script or style anywhere: the one script and style sheet come from the exporter.
      expect(res.body.match(/<script[^>]*>/g)).to.deep.equal(['<script src="/dump/assets/dump.js" defer>']);
      expect(res.body).to.not.match(/<style|style="|\son[a-z]+=/i);
    });

    it('JSON for curl (*/*), for application/json, and for no Accept at all', async () => {
      for (const accept of ['*/*', 'application/json', 'text/html;q=0.5, application/json', undefined]) {
        const res = await get(`${plain.url}/dump/loadavg`, accept === undefined ? {} : { Accept: accept });
        expect(res.headers['content-type'], accept).to.equal('application/json; charset=utf-8');
      }
    });

    it('?format= forces a format: html, json, csv; anything else is 404', async () => {
      expect((await get(`${plain.url}/dump/loadavg?format=html`)).headers['content-type']).to.equal('text/html; charset=utf-8');
      const json = await get(`${plain.url}/dump/loadavg?format=json`, { Accept: BROWSER_ACCEPT });
      expect(json.headers['content-type']).to.equal('application/json; charset=utf-8');
      const csv = await get(`${plain.url}/dump/loadavg?format=csv`, { Accept: BROWSER_ACCEPT });
      expect(csv.headers['content-type']).to.equal('text/plain; charset=utf-8');
      expect(csv.body).to.equal('load1|load5|load15|nr_running|nr_threads|last_pid\n0|0|0|1|77|2457\n');
      const bad = await get(`${plain.url}/dump/loadavg?format=xml`);
      expect(bad.status).to.equal(404);
      expect(JSON.parse(bad.body)).to.deep.equal({ error: 'format: expected json, csv or html' });
    });

    it('CSV is text/csv only when the client asks for text/csv by name', async () => {
      const asked = await get(`${plain.url}/dump/loadavg?format=csv`, { Accept: 'text/csv' });
      expect(asked.headers['content-type']).to.equal('text/csv; charset=utf-8');
      const negotiated = await get(`${plain.url}/dump/loadavg`, { Accept: 'text/csv, application/json;q=0.5' });
      expect(negotiated.headers['content-type']).to.equal('text/csv; charset=utf-8');
      expect(negotiated.body.split('\n')[0]).to.equal('load1|load5|load15|nr_running|nr_threads|last_pid');
      const any = await get(`${plain.url}/dump/loadavg?format=csv`, { Accept: '*/*' });
      expect(any.headers['content-type']).to.equal('text/plain; charset=utf-8');
    });

    it('the index: JSON by default, HTML for a browser', async () => {
      const json = await get(`${plain.url}/dump`);
      expect(json.headers['content-type']).to.equal('application/json; charset=utf-8');
      const files = (JSON.parse(json.body) as { files: { handler: string }[] }).files;
      const html = await get(`${plain.url}/dump`, { Accept: BROWSER_ACCEPT });
      expect(html.headers['content-type']).to.equal('text/html; charset=utf-8');
      // Every served handler is linked; the per-process ones are listed without a link, naming the key.
      expect(html.body.match(/<td class="name"><a href=/g)).to.have.length(files.length);
      expect(html.body).to.include('<a href="/dump/net.tcp">net.tcp</a>');
      expect(html.body).to.include('<span class="withheld">pid.status</span>');
      expect(html.body).to.include('<code>dump.perProcess: true</code>');
      for (const area of ['root', 'net', 'per-process', 'sysvipc']) expect(html.body).to.include(`<section data-area="${area}">`);
    });

    it('the index filters on the server with ?q= (the filter box without the script)', async () => {
      const res = await get(`${plain.url}/dump?q=tcp6`, { Accept: BROWSER_ACCEPT });
      const shown = (res.body.match(/<tr data-filter="[^"]*">/g) ?? []).map((row) => /data-filter="([^ "]+)/.exec(row)![1]);
      expect(shown).to.deep.equal(['net.tcp6']);
      const listed = dumpEntries(false).length + perProcessEntries().length;
      expect(res.body).to.include(`<span id="shown">1 of ${listed}</span>`);
      expect(res.body).to.include('value="tcp6"');
    });

    it('serves the page script and style sheet', async () => {
      const script = await get(`${plain.url}/dump/assets/dump.js`);
      expect(script.status).to.equal(200);
      expect(script.headers['content-type']).to.equal('text/javascript; charset=utf-8');
      expect(script.body).to.equal(DUMP_SCRIPT);
      const style = await get(`${plain.url}/dump/assets/dump.css`);
      expect(style.headers['content-type']).to.equal('text/css; charset=utf-8');
      expect(style.body).to.equal(DUMP_STYLE);
    });
  });

  describe('HTML pages', () => {
    it('a handler page: one table row per record, the file, the bytes read, the count, links to JSON and CSV', async () => {
      const res = await get(`${plain.url}/dump/mounts`, { Accept: BROWSER_ACCEPT });
      expect(res.status).to.equal(200);
      const body = res.body;
      const tbody = /<table class="records">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(body)![1];
      expect(tbody.match(/<tr>/g)).to.have.length(20);
      expect(body).to.include(`<code>${path.join(TREE_6_18, 'mounts')}</code>`);
      expect(body).to.include(`<dd>1.2 KiB (${fs.statSync(path.join(TREE_6_18, 'mounts')).size.toLocaleString('en')} bytes)</dd>`);
      expect(body).to.include('<dd id="record-count">20</dd>');
      expect(body).to.include('<a href="/dump/mounts?format=json">JSON</a>');
      expect(body).to.include('<a href="/dump/mounts?format=csv">CSV</a>');
      // The columns are proc2csv's header.
      const header = runBin('proc2csv', [path.join(TREE_6_18, 'mounts')])
        .stdout.split('\n')[0]
        .split('|');
      const columns = [.../<thead><tr>([\s\S]*?)<\/tr><\/thead>/.exec(body)![1].matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1]);
      expect(columns).to.deep.equal(header);
    });

    it('folds a list into one expandable cell (cpuinfo flags)', async () => {
      const res = await get(`${plain.url}/dump/cpuinfo?format=html`);
      expect(res.body).to.include('<th>flags</th>');
      expect(res.body).to.not.include('<th>flags.0</th>');
      expect(res.body).to.match(/<details><summary>117 items<\/summary><ol start="0"><li>fpu<\/li><li>vme<\/li>/);
    });

    it('a file of several kinds: one table per kind (stat)', async () => {
      const res = await get(`${plain.url}/dump/stat?format=html`);
      const kinds = [...res.body.matchAll(/<caption>kind: ([^<]+)<\/caption>/g)].map((m) => m[1]);
      expect(kinds).to.deep.equal(['cpu', 'intr', 'value', 'softirq']);
    });

    it('pages a large file, 1,000 records a page (kallsyms)', async () => {
      const res = await get(`${plain.url}/dump/kallsyms?format=html&page=2`);
      expect(res.body).to.include('<dd id="record-count">122,165</dd>');
      expect(res.body).to.include('records 1,001–2,000 of 122,165 · page 2 of 123');
      const rows = [...res.body.matchAll(/<tr><td class="index">(\d+)<\/td>/g)].map((m) => Number(m[1]));
      expect(rows).to.have.length(1000);
      expect([rows[0], rows[999]]).to.deep.equal([1000, 1999]);
      expect(res.body).to.include('<a href="/dump/kallsyms?page=3&amp;format=html">next ›</a>');
    });

    it('pid and item pickers: every process directory, and the items of the chosen one', async () => {
      const res = await get(`${perProcess.url}/dump/pid.fdinfo?pid=4242&item=0`, { Accept: BROWSER_ACCEPT });
      expect(res.status).to.equal(200);
      const options = (name: string): RegExpMatchArray[] => {
        const select = new RegExp(`<select name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(res.body)![1];
        return [...select.matchAll(/<option( selected)?>([^<]+)<\/option>/g)];
      };
      const pids = options('pid');
      expect(pids.map((m) => m[2])).to.deep.equal(['self', ...new ProcFs(TREE_6_18).pids().map(String)]);
      expect(pids.filter((m) => m[1]).map((m) => m[2])).to.deep.equal(['4242']);
      const items = options('item');
      const fds = fs.readdirSync(path.join(TREE_6_18, '4242', 'fdinfo')).sort((a, b) => Number(a) - Number(b));
      expect(items.map((m) => m[2])).to.deep.equal(fds);
      expect(res.body).to.include('<form class="pickers" method="get" action="/dump/pid.fdinfo">');
    });

    it('a missing ?item= shows the pickers and the reason, with the status', async () => {
      const res = await get(`${perProcess.url}/dump/pid.fdinfo?pid=4242`, { Accept: BROWSER_ACCEPT });
      expect(res.status).to.equal(404);
      expect(res.body).to.include('<select name="item" data-submit><option value="" selected>(choose)</option>');
      expect(res.body).to.match(/<p class="error" role="alert">404: item: expected one of the files in 4242\/fdinfo\/ \(0, 1, 2/);
    });

    it('an unknown name in a browser: the reason and links to the closest handlers', async () => {
      const res = await get(`${plain.url}/dump/tpc6`, { Accept: BROWSER_ACCEPT });
      expect(res.status).to.equal(404);
      expect(res.headers['content-security-policy']).to.equal(CONTENT_SECURITY_POLICY);
      expect(res.body).to.include('<ul class="suggestions"><li><a href="/dump/net.tcp6">net.tcp6</a></li></ul>');
      expect(res.body).to.include('<a href="/dump?q=tpc6">Search the list for tpc6</a>');
    });

    it('escapes every value: a <script> in a mount point is text', async () => {
      const root = path.join(tmp, 'hostile');
      fs.mkdirSync(root);
      fs.writeFileSync(path.join(root, 'mounts'), 'tmpfs /mnt/<script>alert(1)</script>&"\' tmpfs rw 0 0\n');
      const hostile = await serve(root, { enabled: true, perProcess: false });
      try {
        const res = await get(`${hostile.url}/dump/mounts`, { Accept: BROWSER_ACCEPT });
        expect(res.body).to.include('<td>/mnt/&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;</td>');
        expect(res.body).to.not.include('<script>alert');
      } finally {
        await hostile.close();
      }
    });
  });

  describe('helpful refusals', () => {
    it('/dump/net/tcp redirects (308) to /dump/net.tcp, keeping the query', async () => {
      for (const [from, to] of [
        ['/dump/net/tcp', '/dump/net.tcp'],
        ['/dump/net/tcp?format=csv', '/dump/net.tcp?format=csv'],
        ['/dump/pid/status?pid=4242', '/dump/pid.status?pid=4242'],
        ['/dump/net/rpc/nfsd', '/dump/net.rpc.nfsd'],
        ['/dump/', '/dump'],
      ]) {
        const res = await get(`${plain.url}${from}`);
        expect(res.status, from).to.equal(308);
        expect(res.headers.location, from).to.equal(to);
      }
    });

    it('a path of no handler is 404 with the closest names, and nothing is redirected out of /dump', async () => {
      const res = await get(`${plain.url}/dump/net/tpc`);
      expect(res.status).to.equal(404);
      expect(JSON.parse(res.body)).to.deep.equal({
        error: '"/dump/net/tpc": no such dumpable file (GET /dump lists them); did you mean net.tcp, net.tcp6?',
        suggestions: ['net.tcp', 'net.tcp6'],
      });
      for (const hostile of ['/dump/net/../../etc/passwd', '/dump//etc/passwd', '/dump/net/%2e%2e/tcp', '/dump/net/tcp%00/x']) {
        const r = await get(`${plain.url}${hostile}`);
        expect(r.status, hostile).to.equal(404);
        expect(r.headers.location, hostile).to.equal(undefined);
      }
    });

    it('an unknown name suggests the closest handlers', async () => {
      for (const [name, suggestions] of [
        ['tpc6', ['net.tcp6']],
        ['meminf', ['meminfo']],
        ['sockstat', ['net.sockstat', 'net.sockstat6']],
        ['nope', []],
      ] as const) {
        const res = await get(`${plain.url}/dump/${name}`);
        expect(res.status, name).to.equal(404);
        const body = JSON.parse(res.body) as { error: string; suggestions?: string[] };
        expect(body.suggestions ?? [], name).to.deep.equal(suggestions);
        const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '';
        expect(body.error, name).to.equal(`"${name}": no such dumpable file (GET /dump lists them)${hint}`);
      }
    });

    it('a per-process handler while dump.perProcess is off: 403 naming the key', async () => {
      const res = await get(`${plain.url}/dump/pid.status?pid=4242`);
      expect(res.status).to.equal(403);
      expect(JSON.parse(res.body).error).to.equal('pid/status: per-process files are not served (dump.perProcess is false in config.yaml)');
    });

    it('a refused file names its reason', async () => {
      const res = await get(`${plain.url}/dump/kcore`);
      expect(res.status).to.equal(404);
      expect(JSON.parse(res.body).error).to.equal("kcore: binary file (the kernel's memory as an ELF core), not supported");
    });
  });

  describe('filesystem refusals are 4xx with the reason, not 500', () => {
    let root: string;
    let served: Served;
    let socketServer: net.Server;

    before(async () => {
      root = path.join(tmp, 'odd');
      fs.mkdirSync(path.join(root, 'net'), { recursive: true });
      fs.symlinkSync('loadavg2', path.join(root, 'loadavg'));
      fs.symlinkSync('loadavg', path.join(root, 'loadavg2'));
      socketServer = net.createServer();
      await new Promise<void>((resolve) => socketServer.listen(path.join(root, 'meminfo'), resolve));
      fs.symlinkSync('dev_snmp6', path.join(root, 'net', 'dev_snmp6'));
      served = await serve(root, { enabled: true, perProcess: true });
    });

    after(async () => {
      await served?.close();
      await new Promise((resolve) => socketServer?.close(resolve));
    });

    it('a symbolic-link loop: 404 naming the loop', async () => {
      const res = await get(`${served.url}/dump/loadavg`);
      expect(res.status).to.equal(404);
      expect(JSON.parse(res.body)).to.deep.equal({ error: 'loadavg: too many levels of symbolic links (a link loop)' });
      const dir = await get(`${served.url}/dump/net.dev_snmp6?item=eth0`);
      expect(dir.status).to.equal(404);
      expect(JSON.parse(dir.body)).to.deep.equal({ error: 'net/dev_snmp6: too many levels of symbolic links (a link loop)' });
    });

    it('a socket (ENXIO): 404 saying it cannot be read', async () => {
      const res = await get(`${served.url}/dump/meminfo`);
      expect(res.status).to.equal(404);
      const error = 'meminfo: not a file that can be read (a socket, or a device without a driver)';
      expect(JSON.parse(res.body)).to.deep.equal({ error });
    });

    it("another user's fd, ns and map_files directories (EACCES on the listing): 403", async function () {
      const problem = unprivilegedProblem();
      if (problem !== undefined) {
        console.log(`      skipped: ${problem}`);
        this.skip();
      }
      const locked = path.join(tmp, 'locked');
      for (const dir of ['fd', 'ns', 'map_files']) fs.mkdirSync(path.join(locked, '4242', dir), { recursive: true });
      fs.symlinkSync('/dev/null', path.join(locked, '4242', 'fd', '0'));
      fs.symlinkSync('net:[4026531840]', path.join(locked, '4242', 'ns', 'net'));
      fs.symlinkSync('/usr/bin/python3', path.join(locked, '4242', 'map_files', '400000-401000'));
      fs.chmodSync(tmp, 0o755);
      fs.chmodSync(path.join(locked), 0o755);
      fs.chmodSync(path.join(locked, '4242'), 0o755);
      // Owned by root (or by the test's user with no permission bits): the exporter's user may not list them.
      for (const dir of ['fd', 'ns', 'map_files']) fs.chmodSync(path.join(locked, '4242', dir), isRoot ? 0o700 : 0o000);
      const config = path.join(tmp, 'config.yaml');
      fs.writeFileSync(config, 'dump:\n  enabled: true\n  perProcess: true\ncollectors:\n  loadavg:\n    enabled: false\n');
      fs.chmodSync(config, 0o644);
      const args = [`--config=${config}`, `--path.procfs=${locked}`, '--web.listen-address=127.0.0.1:0', '--collector.disable-defaults'];
      const child = spawn(process.execPath, [...exporterArgs(), '--log.format', 'json', ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
        ...unprivilegedIds(),
      });
      try {
        const address = await new Promise<string>((resolve, reject) => {
          let stderr = '';
          child.stderr.setEncoding('utf8');
          child.stderr.on('data', (chunk: string) => {
            stderr += chunk;
            const m = /"msg":"listening"/.test(stderr) ? /"address":"([^"]+)"/.exec(stderr) : null;
            if (m) resolve(m[1]);
          });
          child.once('exit', (code) => reject(new Error(`exporter exited with ${code}: ${stderr}`)));
        });
        for (const [request, dir] of [
          ['pid.fd?pid=4242&item=0', 'fd'],
          ['pid.ns?pid=4242&item=net', 'ns'],
          ['pid.map_files?pid=4242&item=400000-401000', 'map_files'],
        ]) {
          const res = await get(`http://${address}/dump/${request}`);
          expect(res.status, request).to.equal(403);
          const error = `4242/${dir}: permission denied (the exporter's user may not read it)`;
          expect(JSON.parse(res.body), request).to.deep.equal({ error });
        }
      } finally {
        child.kill('SIGTERM');
        for (const dir of ['fd', 'ns', 'map_files']) fs.chmodSync(path.join(locked, '4242', dir), 0o755);
      }
    });
  });

  describe('concurrent dumps are bounded', () => {
    /** An app on `root` whose dump slots can be watched. */
    async function watched(root: string, timeoutMs: number, procfs: ProcFs = new ProcFs(root)): Promise<Served & { slots: () => number }> {
      const scheduler = new Scheduler({ collectors: [], procfs, env: { pageSize: 4096 }, logger: silent });
      const inFlight: NonNullable<Parameters<typeof createApp>[0]['inFlight']> = { count: 0 };
      const dump = { enabled: true, perProcess: false, timeoutMs };
      const app = createApp({ scheduler, procfs, logger: silent, telemetryPath: '/metrics', dump, inFlight });
      const server = await listen(app, 0, '127.0.0.1');
      return {
        url: `http://${serverAddress(server)}`,
        slots: () => inFlight.dumps?.active ?? 0,
        close: () =>
          new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    }

    it('one dump at a time: a second waits for the first to end, then is served', async () => {
      // meminfo's read waits until released (a wedged file); loadavg reads at once.
      const procfs = new HeldProcFs(TREE_3_2, new Set(['meminfo']));
      const app = await watched(TREE_3_2, 5000, procfs);
      const unblock = (): void => procfs.release();
      try {
        const held = get(`${app.url}/dump/meminfo`);
        await sleep(200);
        expect(app.slots()).to.equal(1);
        let secondDone = false;
        const second = get(`${app.url}/dump/loadavg`).then((res) => {
          secondDone = true;
          return res;
        });
        await sleep(300);
        expect(secondDone, 'the second dump waits while the first holds the slot').to.equal(false);
        unblock();
        expect((await held).status).to.equal(200);
        const res = await second;
        expect(res.status).to.equal(200);
        expect(JSON.parse(res.body).records[0]).to.include({ load1: 0.55 });
        expect(app.slots()).to.equal(0);
      } finally {
        unblock();
        await app.close();
      }
    });

    it('a client that stops reading a large answer loses its connection after 5 s (or dump.timeout if shorter), and the slot with it', async () => {
      const app = await watched(TREE_6_18, 800);
      const port = Number(app.url.split(':').pop());
      // 13 MB of JSON to a client that never reads.
      const socket = net.connect({ port, host: '127.0.0.1' });
      socket.on('error', () => undefined);
      try {
        await new Promise((resolve) => socket.once('connect', resolve));
        socket.pause();
        socket.write('GET /dump/kallsyms HTTP/1.1\r\nHost: x\r\n\r\n');
        await sleep(300);
        expect(app.slots()).to.equal(1);
        // The server gives up on the stalled answer by itself (the test waits at most 20 s for it).
        for (let waited = 0; app.slots() > 0 && waited < 20_000; waited += 50) await sleep(50);
        expect(app.slots()).to.equal(0);
        expect((await get(`${app.url}/dump/loadavg`)).status).to.equal(200);
      } finally {
        socket.destroy();
        await app.close();
      }
    });
  });
});
