/**
 * End to end with a real Prometheus (Debian's `prometheus` package; .ci/run
 * installs it): the exporter and Prometheus on loopback ports, scrape interval
 * 1s; asserts through Prometheus's HTTP API. And `promtool check metrics` on
 * the exporter's output finds nothing but node_exporter's own camelCase names.
 */
import { expect } from 'chai';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort, get, runExporter, startExporterProcess, TREE_6_18, type StartedExporter } from './helpers';
import { requireTool } from '../support/tools';
import { collectors } from '../../collectors/index';
import { absentCollectors } from '../collectors/absent';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface PromResult {
  status: string;
  data: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
}

describe('end to end with a real Prometheus', function () {
  this.timeout(90_000);
  let prometheus: string;
  let exporter: StartedExporter | undefined;
  let prom: ChildProcess | undefined;
  let promLog = '';
  let dir: string;
  let api: string;

  before(async function () {
    prometheus = requireTool(this, 'prometheus');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-e2e-'));
    exporter = await startExporterProcess(['--config', '/dev/null', '--path.procfs', TREE_6_18, '--collector.softirqs']);
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    const config = path.join(dir, 'prometheus.yml');
    fs.writeFileSync(
      config,
      `global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: proc\n    static_configs:\n      - targets: ['${exporter.address}']\n`,
    );
    prom = spawn(
      prometheus,
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    prom.stderr!.setEncoding('utf8');
    prom.stderr!.on('data', (c: string) => (promLog += c));
    for (let i = 0; i < 100; i++) {
      try {
        if ((await get(`${api}/-/ready`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`prometheus did not become ready: ${promLog}`);
  });

  after(async () => {
    if (prom && prom.exitCode === null) {
      const exited = new Promise((r) => prom!.once('exit', r));
      prom.kill('SIGTERM');
      const kill = setTimeout(() => prom!.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(kill);
    }
    await exporter?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function query(q: string): Promise<PromResult['data']['result']> {
    const res = await get(`${api}/api/v1/query?query=${encodeURIComponent(q)}`);
    const body = JSON.parse(res.body) as PromResult;
    expect(body.status, res.body).to.equal('success');
    return body.data.result;
  }

  async function eventually(q: string, ok: (r: PromResult['data']['result']) => boolean): Promise<PromResult['data']['result']> {
    let last: PromResult['data']['result'] = [];
    for (let i = 0; i < 60; i++) {
      last = await query(q);
      if (ok(last)) return last;
      await sleep(500);
    }
    throw new Error(`${q}: got ${JSON.stringify(last)}\nprometheus log: ${promLog}`);
  }

  it('scrapes the exporter: up is 1 after two scrapes, rates and gauges have series', async () => {
    await eventually('count_over_time(up{job="proc"}[1m])', (r) => r.length === 1 && Number(r[0].value[1]) >= 2);
    const up = await query('up{job="proc"}');
    expect(up.map((r) => r.value[1])).to.deep.equal(['1']);
    const rate = await eventually('rate(node_disk_reads_completed_total[10s])', (r) => r.length > 0);
    expect(rate.map((r) => r.metric.device)).to.deep.equal(['vda']);
    const sockets = await query('node_sockstat_sockets_used');
    expect(sockets.map((r) => r.value[1])).to.deep.equal(['8']);
    const success = await query('node_scrape_collector_success');
    // Every default collector succeeds, except those whose file the capture lacks (node_exporter reports 0 for those too).
    const expected = Object.entries(collectors)
      .filter(([name, c]) => c.defaultEnabled || name === 'softirqs')
      .map(([name]) => `${name}=${name in absentCollectors(TREE_6_18) ? 0 : 1}`)
      .sort();
    expect(success.map((r) => `${r.metric.collector}=${r.value[1]}`).sort()).to.deep.equal(expected);
    expect((await query('node_netstat_Tcp_InSegs')).length).to.equal(1);
    expect((await query('node_softirqs_functions_total')).length).to.equal(20);
  });
});

/**
 * What promtool says of node_exporter itself for the same families: its netstat and meminfo
 * names keep the kernel's CamelCase, and its entropy gauges are in bits. Nothing else may appear.
 */
function nodeExporterFindings(exposition: string): string[] {
  const families = [...exposition.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]);
  const camel = families
    .filter((n) => /^node_(netstat|memory)_/.test(n) && /[a-z][A-Z]/.test(n))
    .map((n) => `${n} metric names should be written in 'snake_case' not 'camelCase'`);
  const bits = families.filter((n) => /^node_entropy_\w+_bits$/.test(n)).map((n) => `${n} use base unit "bytes" instead of "bits"`);
  return [...camel, ...bits].sort();
}

describe('promtool check metrics', function () {
  this.timeout(30_000);
  let exporter: StartedExporter | undefined;
  after(async () => {
    await exporter?.stop();
  });

  it("reports nothing but node_exporter's own camelCase names on /metrics (collectors, scrape and process metrics)", async function () {
    const promtool = requireTool(this, 'promtool');
    exporter = await startExporterProcess(['--config', '/dev/null', '--path.procfs', TREE_6_18, '--collector.softirqs']);
    const metrics = await get(`http://${exporter.address}/metrics`);
    expect(metrics.status).to.equal(200);
    expect(metrics.body).to.include('# TYPE process_cpu_seconds_total counter');
    const result = spawnSync(promtool, ['check', 'metrics'], { input: metrics.body, encoding: 'utf8' });
    const findings = `${result.stdout}${result.stderr}`
      .split('\n')
      .filter((l) => l.trim() !== '')
      .sort();
    expect(metrics.body.match(/^# TYPE node_netstat_\S+ /gm)!.length).to.be.greaterThan(30);
    const expected = nodeExporterFindings(metrics.body);
    expect(findings).to.deep.equal(expected);
  });

  it('finds the same on the --once output', function () {
    const promtool = requireTool(this, 'promtool');
    const once = runExporter(['--once', '--config', '/dev/null', '--path.procfs', TREE_6_18, '--collector.softirqs']);
    expect(once.status).to.equal(0);
    const result = spawnSync(promtool, ['check', 'metrics'], { input: once.stdout, encoding: 'utf8' });
    const findings = `${result.stdout}${result.stderr}`
      .split('\n')
      .filter((l) => l.trim() !== '')
      .sort();
    expect(findings.length).to.be.greaterThan(30);
    expect(findings).to.deep.equal(nodeExporterFindings(once.stdout));
  });
});
