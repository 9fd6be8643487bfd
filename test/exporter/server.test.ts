/** The HTTP server on 127.0.0.1 port 0: /metrics, /healthz, /, /dump, /dump/:file. */
import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import pino from 'pino';
import { gunzipSync } from 'zlib';
import { startExporter, type Running } from '../../src/exporter/cli';
import { Scheduler } from '../../src/exporter/scheduler';
import { createApp, listen, negotiateFormat, serverAddress } from '../../src/exporter/server';
import { ProcFs } from '../../src/procfs';
import { runBin } from '../support/fixtures';
import { get, loadConfig, TREE_6_18 } from './helpers';

const silent = pino({ level: 'silent' });

describe('server', () => {
  let running: Running;
  let base: string;
  let tmp: string;

  before(async () => {
    const config = loadConfig([
      '--config',
      '/dev/null',
      '--web.listen-address',
      '127.0.0.1:0',
      '--path.procfs',
      TREE_6_18,
      '--collector.softirqs',
    ]);
    running = await startExporter(config, silent, { pageSize: 4096 });
    base = `http://${running.address}`;
    await running.scheduler.firstSnapshot();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-server-'));
  });
  after(async () => {
    await running?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('/metrics', () => {
    it('serves text format 0.0.4 by default: collectors, scrape metrics, process metrics', async () => {
      const res = await get(`${base}/metrics`);
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.equal('text/plain; version=0.0.4; charset=utf-8');
      expect(res.body).to.include('node_disk_reads_completed_total{device="vda"} 6160\n');
      expect(res.body).to.include('# TYPE node_netstat_Tcp_InSegs untyped\n');
      expect(res.body).to.include('node_softirqs_functions_total{cpu="0",type="NET_RX"} ');
      expect(res.body).to.include('node_scrape_collector_success{collector="sockstat"} 1\n');
      expect(res.body).to.include('# TYPE process_cpu_seconds_total counter\n');
      expect(res.body).to.include('# TYPE nodejs_heap_size_total_bytes gauge\n');
      expect(res.body).to.not.include('# EOF');
    });

    it('serves the same cached string to every request until the next snapshot', async () => {
      const snapshot = running.scheduler.snapshot!;
      const [a, b] = await Promise.all([get(`${base}/metrics`), get(`${base}/metrics`)]);
      if (running.scheduler.snapshot === snapshot) expect(a.body).to.equal(b.body);
      expect(snapshot.text('text')).to.equal(snapshot.text('text'));
    });

    it('serves OpenMetrics when the Accept header asks (as Prometheus does)', async () => {
      const accept =
        'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';
      const res = await get(`${base}/metrics`, { Accept: accept });
      expect(res.headers['content-type']).to.equal('application/openmetrics-text; version=1.0.0; charset=utf-8');
      expect(res.body).to.include('# TYPE node_disk_reads_completed counter\n');
      expect(res.body).to.include('node_disk_reads_completed_total{device="vda"} 6160\n');
      expect(res.body).to.include('# TYPE node_netstat_Tcp_InSegs unknown\n');
      expect(res.body).to.match(/# EOF\n$/);
    });

    it('gzips when the client accepts it', async () => {
      const res = await get(`${base}/metrics`, { 'Accept-Encoding': 'gzip' });
      expect(res.headers['content-encoding']).to.equal('gzip');
      expect(gunzipSync(res.raw).toString('utf8')).to.include('node_sockstat_sockets_used 8\n');
    });

    describe('collect[] (node_exporter: only the named collectors)', () => {
      const families = (body: string): string[] =>
        [...body.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]).filter((n) => !/^(process|nodejs|proc_exporter|promhttp)_/.test(n));

      // The exporter's own families (process_*, nodejs_*, proc_exporter_*, promhttp_*) stay in every selection, as node_exporter's go_* do.
      it("serves only the named collectors' series and their scrape series; the exporter's own metrics stay", async () => {
        const res = await get(`${base}/metrics?collect[]=loadavg&collect[]=sockstat&collect[]=loadavg`);
        expect(res.status).to.equal(200);
        expect(families(res.body).filter((n) => !n.startsWith('node_sockstat_'))).to.deep.equal([
          'node_load1',
          'node_load15',
          'node_load5',
          'node_scrape_collector_duration_seconds',
          'node_scrape_collector_success',
        ]);
        expect(families(res.body).filter((n) => n.startsWith('node_sockstat_')).length).to.be.greaterThan(5);
        expect(res.body).to.include('node_load1 0\n');
        expect(res.body).to.include('node_sockstat_sockets_used 8\n');
        const scraped = (re: RegExp): string[] => [...res.body.matchAll(re)].map((m) => m[1]);
        expect(scraped(/^node_scrape_collector_success\{collector="(\w+)"\} 1$/gm)).to.deep.equal(['loadavg', 'sockstat']);
        expect(scraped(/^node_scrape_collector_duration_seconds\{collector="(\w+)"\}/gm)).to.deep.equal(['loadavg', 'sockstat']);
        expect(res.body).to.include('# TYPE process_cpu_seconds_total counter\n');
      });

      it('the same selection in another order is the same text; OpenMetrics and gzip apply to it', async () => {
        const a = await get(`${base}/metrics?collect[]=sockstat&collect[]=loadavg`);
        const b = await get(`${base}/metrics?collect[]=loadavg&collect[]=sockstat`);
        expect(families(a.body)).to.deep.equal(families(b.body));
        const snapshot = running.scheduler.snapshot!;
        const known = new Set(['loadavg', 'sockstat']);
        expect(snapshot.select(['sockstat', 'loadavg'], known)).to.equal(snapshot.select(['loadavg', 'sockstat'], known));
        const headers = { Accept: 'application/openmetrics-text;version=1.0.0', 'Accept-Encoding': 'gzip' };
        const om = await get(`${base}/metrics?collect[]=loadavg`, headers);
        const text = gunzipSync(om.raw).toString('utf8');
        expect(text).to.include('node_scrape_collector_success{collector="loadavg"} 1\n');
        expect(text).to.not.include('collector="sockstat"');
        expect(text).to.match(/# EOF\n$/);
      });

      it("refuses an unknown or a disabled collector with 400 and node_exporter's reason", async () => {
        for (const [query, reason] of [
          ['collect[]=nosuch', 'missing collector: nosuch'],
          ['collect[]=loadavg&collect[]=nosuch', 'missing collector: nosuch'],
          ['collect[]=', 'missing collector: '],
          ['collect[]=buddyinfo', 'disabled collector: buddyinfo'],
        ]) {
          const res = await get(`${base}/metrics?${query}`);
          expect(res.status, query).to.equal(400);
          expect(res.headers['content-type'], query).to.match(/^text\/plain/);
          expect(res.body, query).to.equal(`collect[]: ${reason}\n`);
        }
      });

      it('ignores other parameters, as node_exporter does (collect without brackets is not a filter)', async () => {
        const res = await get(`${base}/metrics?collect=loadavg&x=1`);
        expect(res.status).to.equal(200);
        expect(res.body).to.include('node_scrape_collector_success{collector="softirqs"} 1\n');
      });
    });

    it('negotiates formats', () => {
      expect(negotiateFormat(undefined)).to.equal('text');
      expect(negotiateFormat('text/plain')).to.equal('text');
      expect(negotiateFormat('application/openmetrics-text')).to.equal('openmetrics');
      expect(negotiateFormat('application/openmetrics-text;version=2.0.0,text/plain;q=0.5')).to.equal('text');
      expect(negotiateFormat('text/plain;q=1,application/openmetrics-text;q=0.5')).to.equal('text');
    });
  });

  describe('--web.telemetry-path', () => {
    for (const telemetryPath of ['/*', '/:x', '/metrics(.*)']) {
      it(`${telemetryPath} is a literal path, not a route pattern: /healthz, /dump and others keep their answers`, async () => {
        const config = loadConfig([
          '--config',
          '/dev/null',
          '--web.listen-address',
          '127.0.0.1:0',
          '--path.procfs',
          TREE_6_18,
          '--web.telemetry-path',
          telemetryPath,
        ]);
        const other = await startExporter(config, silent, { pageSize: 4096 });
        try {
          await other.scheduler.firstSnapshot();
          const url = `http://${other.address}`;
          const metrics = await get(`${url}${telemetryPath}`);
          expect(metrics.status).to.equal(200);
          expect(metrics.body).to.include('node_scrape_collector_success{collector="loadavg"} 1\n');
          const healthz = await get(`${url}/healthz`);
          expect([healthz.status, healthz.body]).to.deep.equal([200, 'ok\n']);
          const dump = await get(`${url}/dump`);
          expect(dump.status).to.equal(200);
          expect(JSON.parse(dump.body)).to.have.property('files');
          for (const miss of ['/metrics', '/anything', '/x', '/%2A']) expect((await get(`${url}${miss}`)).status, miss).to.equal(404);
          expect((await get(`${url}/`)).body).to.include(`<a href="${telemetryPath}">`);
        } finally {
          await other.stop();
        }
      });
    }
  });

  describe('/healthz and /', () => {
    it('/healthz is 200 after the first cycle', async () => {
      const res = await get(`${base}/healthz`);
      expect(res.status).to.equal(200);
    });

    it('/healthz is 503 and /metrics waits, then 503, before the first cycle', async () => {
      const scheduler = new Scheduler({ collectors: [], procfs: new ProcFs(TREE_6_18), env: { pageSize: 4096 }, logger: silent });
      const app = createApp({
        scheduler,
        procfs: new ProcFs(TREE_6_18),
        logger: silent,
        telemetryPath: '/metrics',
        dump: { enabled: false, perProcess: false },
        firstSnapshotWaitMs: 50,
      });
      const server = await listen(app, 0, '127.0.0.1');
      try {
        const url = `http://${serverAddress(server)}`;
        expect((await get(`${url}/healthz`)).status).to.equal(503);
        expect((await get(`${url}/metrics`)).status).to.equal(503);
        expect((await get(`${url}/dump`)).status).to.equal(404);
      } finally {
        server.close();
      }
    });

    it('/ links /metrics and /dump', async () => {
      const res = await get(`${base}/`);
      expect(res.status).to.equal(200);
      expect(res.body).to.include('href="/metrics"').and.include('href="/dump"');
    });
  });

  describe('/dump', () => {
    it('lists the system-wide handlers only (per-process ones are not allowed by default)', async () => {
      const res = await get(`${base}/dump`);
      const files = (JSON.parse(res.body) as { files: { handler: string; path: string; perProcess: boolean }[] }).files;
      expect(files.map((f) => f.handler)).to.include.members(['diskstats', 'net/sockstat', 'softirqs']);
      expect(files.find((f) => f.handler === 'net/sockstat')!.path).to.equal('/dump/net.sockstat');
      expect(files.filter((f) => f.perProcess)).to.deep.equal([]);
    });

    it('dumps a file as proc2json does (dots or %2F for slashes)', async () => {
      const file = path.join(TREE_6_18, 'net', 'sockstat');
      const expected = JSON.parse(runBin('proc2json', [file]).stdout) as object;
      for (const name of ['net.sockstat', 'net%2Fsockstat']) {
        const res = await get(`${base}/dump/${name}`);
        expect(res.status, name).to.equal(200);
        expect(res.headers['content-type']).to.match(/^application\/json/);
        expect(JSON.parse(res.body)).to.deep.equal(expected);
      }
    });

    it('dumps as proc2csv does with ?format=csv', async () => {
      const expected = runBin('proc2csv', [path.join(TREE_6_18, 'diskstats')]).stdout;
      const res = await get(`${base}/dump/diskstats?format=csv`);
      expect(res.status).to.equal(200);
      expect(res.body).to.equal(expected);
    });

    it('answers 404 JSON for unknown names, missing files and escapes, 403 for per-process files', async () => {
      for (const name of ['pid.mounts', 'pid%2Fmounts']) {
        const res = await get(`${base}/dump/${name}`);
        expect(res.status, name).to.equal(403);
        expect(JSON.parse(res.body).error, name).to.equal(
          'pid/mounts: per-process files are not served (dump.perProcess is false in config.yaml)',
        );
      }
      for (const name of [
        'nope',
        '..%2F..%2Fetc%2Fpasswd',
        '%2Fetc%2Fpasswd',
        '%2E%2E',
        '..',
        '../../etc/passwd',
        'timer_stats',
        'net.dev_snmp6?item=..',
        'net.dev_snmp6?item=%2Fetc%2Fpasswd',
        'diskstats?format=xml',
        '%E0%A4%A',
      ]) {
        const res = await get(`${base}/dump/${name}`);
        expect(res.status, name).to.equal(404);
        expect(JSON.parse(res.body), name).to.have.property('error');
      }
    });

    it('refuses a symbolic link that leaves the procfs root', async () => {
      const root = path.join(tmp, 'proc');
      fs.mkdirSync(root);
      fs.symlinkSync('/etc/hostname', path.join(root, 'diskstats'));
      fs.mkdirSync(path.join(root, 'net'));
      fs.symlinkSync(path.join(TREE_6_18, 'net', 'sockstat'), path.join(root, 'net', 'sockstat'));
      const scheduler = new Scheduler({ collectors: [], procfs: new ProcFs(root), env: { pageSize: 4096 }, logger: silent });
      const app = createApp({
        scheduler,
        procfs: new ProcFs(root),
        logger: silent,
        telemetryPath: '/metrics',
        dump: { enabled: true, perProcess: false },
      });
      const server = await listen(app, 0, '127.0.0.1');
      try {
        const url = `http://${serverAddress(server)}`;
        const out = await get(`${url}/dump/diskstats`);
        expect(out.status).to.equal(404);
        expect(JSON.parse(out.body).error).to.equal('diskstats: not present under the procfs root');
        expect((await get(`${url}/dump/net.sockstat`)).status).to.equal(404);
      } finally {
        server.close();
      }
    });

    it('serves per-process files only when the config allows them', async () => {
      const root = path.join(tmp, 'proc-pid');
      fs.mkdirSync(path.join(root, '4242'), { recursive: true });
      fs.writeFileSync(path.join(root, '4242', 'mounts'), 'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n');
      const scheduler = new Scheduler({ collectors: [], procfs: new ProcFs(root), env: { pageSize: 4096 }, logger: silent });
      const app = createApp({
        scheduler,
        procfs: new ProcFs(root),
        logger: silent,
        telemetryPath: '/metrics',
        dump: { enabled: true, perProcess: true },
      });
      const server = await listen(app, 0, '127.0.0.1');
      try {
        const url = `http://${serverAddress(server)}`;
        const res = await get(`${url}/dump/pid.mounts?pid=4242`);
        expect(res.status).to.equal(200);
        expect(JSON.parse(res.body).handler).to.equal('pid/mounts');
        expect((await get(`${url}/dump/pid.mounts?pid=..`)).status).to.equal(404);
        expect((await get(`${url}/dump/pid.mounts?pid=1`)).status).to.equal(404);
      } finally {
        server.close();
      }
    });
  });
});
