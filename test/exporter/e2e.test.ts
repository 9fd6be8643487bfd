/**
 * End to end with a real Prometheus (Debian's `prometheus` package; .ci/run
 * installs it): the exporter and Prometheus on loopback ports, scrape interval
 * 1s; asserts through Prometheus's HTTP API. And `promtool check metrics` on
 * the exporter's output finds nothing but node_exporter's own camelCase names.
 */
import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { get, runExporter, startExporterProcess, TREE_6_18, type StartedExporter } from './helpers';
import { PrometheusServer, type VectorSample } from '../support/prometheus';
import { requireTool } from '../support/tools';
import { collectors } from '../../collectors/index';
import { absentCollectors } from '../collectors/absent';

describe('end to end with a real Prometheus', function () {
  this.timeout(90_000);
  let exporter: StartedExporter | undefined;
  let prom: PrometheusServer | undefined;
  let dir: string;

  before(async function () {
    const prometheus = requireTool(this, 'prometheus');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-e2e-'));
    exporter = await startExporterProcess(['--config', '/dev/null', '--path.procfs', TREE_6_18, '--collector.softirqs']);
    prom = new PrometheusServer(prometheus, dir);
    await prom.start({ job: 'proc', address: exporter.address });
  });

  after(async () => {
    await prom?.stop();
    await exporter?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const query = (q: string): Promise<VectorSample[]> => prom!.query(q);
  const eventually = (q: string, ok: (r: VectorSample[]) => boolean): Promise<VectorSample[]> => prom!.eventually(q, ok);

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
