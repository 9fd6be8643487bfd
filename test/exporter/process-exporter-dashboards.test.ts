/**
 * process-exporter's dashboards work on proc-exporter: a real Prometheus (Debian's `prometheus`, on
 * loopback) scrapes the exporter, given process-exporter's config file as it is
 * (`--config.process-exporter`) on the fixture tree, under the job name those dashboards select
 * (`process-exporter`); the queries of their panels and variables — every metric process-exporter
 * 0.7.10 exports, as its dashboards (Grafana's 249, and those of its repository) ask for them —
 * return series.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { projectRoot } from '../support/fixtures';
import { PrometheusServer, type VectorSample } from '../support/prometheus';
import { requireTool } from '../support/tools';
import { startExporterProcess, type StartedExporter } from './helpers';

const TREE = path.join(projectRoot, 'fixtures', 'trees', 'process-exporter');
const CONFIG = path.join(projectRoot, 'test', 'exporter', 'golden', 'process-exporter.yml');
const JOB = 'process-exporter';
const GROUPS = 'groupname=~"nginx|py:.*|/usr/lib/postgresql/16/bin/postgres"';

/** Panel and variable queries, by what they show. */
const QUERIES: Record<string, string> = {
  'groupname variable': `count by (groupname) (namedprocess_namegroup_num_procs{job="${JOB}"})`,
  'exporter up': `up{job="${JOB}"}`,
  'exporter errors': `sum(namedprocess_scrape_errors{job="${JOB}"})`,
  'read and partial errors': `sum(rate(namedprocess_scrape_partial_errors[10s])) + sum(namedprocess_scrape_procread_errors)`,
  'threads running': `sum(namedprocess_namegroup_states{${GROUPS}, state="Running"})`,
  'threads blocked': `sum(namedprocess_namegroup_states{${GROUPS}, state="Waiting"})`,
  zombies: `namedprocess_namegroup_states{${GROUPS}, state="Zombie"}`,
  'num procs': `namedprocess_namegroup_num_procs{${GROUPS}}`,
  restarts: `changes(namedprocess_namegroup_oldest_start_time_seconds{${GROUPS}}[1m])`,
  uptime: `time() - namedprocess_namegroup_oldest_start_time_seconds{${GROUPS}}`,
  CPU: `sum by (groupname) (rate(namedprocess_namegroup_cpu_seconds_total{${GROUPS}}[10s]))`,
  'CPU by mode': `rate(namedprocess_namegroup_cpu_seconds_total{${GROUPS}, mode="system"}[10s])`,
  'I/O': `rate(namedprocess_namegroup_read_bytes_total{${GROUPS}}[10s]) + rate(namedprocess_namegroup_write_bytes_total{${GROUPS}}[10s])`,
  'major page faults': `rate(namedprocess_namegroup_major_page_faults_total{${GROUPS}}[10s])`,
  'minor page faults': `rate(namedprocess_namegroup_minor_page_faults_total{${GROUPS}}[10s])`,
  'resident memory': `namedprocess_namegroup_memory_bytes{${GROUPS}, memtype="resident"}`,
  'virtual memory': `namedprocess_namegroup_memory_bytes{${GROUPS}, memtype="virtual"}`,
  'swapped memory': `namedprocess_namegroup_memory_bytes{${GROUPS}, memtype="swapped"}`,
  'proportional memory': `namedprocess_namegroup_memory_bytes{${GROUPS}, memtype=~"proportional.*"}`,
  'open file descriptors': `namedprocess_namegroup_open_filedesc{${GROUPS}}`,
  'worst fd ratio': `namedprocess_namegroup_worst_fd_ratio{${GROUPS}}`,
  'num threads': `namedprocess_namegroup_num_threads{${GROUPS}}`,
  'threads waiting on channels': `namedprocess_namegroup_threads_wchan{${GROUPS}}`,
  'voluntary context switches': `rate(namedprocess_namegroup_context_switches_total{${GROUPS}, ctxswitchtype="voluntary"}[10s])`,
  'nonvoluntary context switches': `rate(namedprocess_namegroup_context_switches_total{${GROUPS}, ctxswitchtype="nonvoluntary"}[10s])`,
  'thread count': `namedprocess_namegroup_thread_count{${GROUPS}}`,
  'thread CPU': `sum by (groupname, threadname) (rate(namedprocess_namegroup_thread_cpu_seconds_total{${GROUPS}}[10s]))`,
  'thread I/O': `rate(namedprocess_namegroup_thread_io_bytes_total{${GROUPS}, iomode="write"}[10s])`,
  'thread page faults': `rate(namedprocess_namegroup_thread_minor_page_faults_total{${GROUPS}}[10s])
    + rate(namedprocess_namegroup_thread_major_page_faults_total{${GROUPS}}[10s])`,
  'thread context switches': `rate(namedprocess_namegroup_thread_context_switches_total{${GROUPS}}[10s])`,
};

describe("process-exporter's dashboard queries against proc-exporter (a real Prometheus scraping it)", function () {
  this.timeout(120_000);
  let exporter: StartedExporter | undefined;
  let prom: PrometheusServer | undefined;
  let dir: string;

  const query = (q: string): Promise<VectorSample[]> => prom!.query(q);

  before(async function () {
    const prometheus = requireTool(this, 'prometheus');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pe-dashboards-'));
    fs.writeFileSync(path.join(dir, 'config.yaml'), 'interval: 1s\n');
    exporter = await startExporterProcess([
      '--config',
      path.join(dir, 'config.yaml'),
      '--config.process-exporter',
      CONFIG,
      '--path.procfs',
      TREE,
      '--collector.disable-defaults',
    ]);
    prom = new PrometheusServer(prometheus, dir);
    await prom.start({ job: JOB, address: exporter.address });
    await prom.waitForScrapes(JOB, 12);
  });

  after(async () => {
    await prom?.stop();
    await exporter?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [what, q] of Object.entries(QUERIES)) {
    it(`${what}: returns series`, async () => {
      const result = await query(q);
      expect(result, `${q}\nprometheus log: ${prom!.log}`).to.not.deep.equal([]);
    });
  }

  it('the groups are those of the config file, counted as process-exporter counts them', async () => {
    const byGroup = Object.fromEntries(
      (await query(`namedprocess_namegroup_num_procs{job="${JOB}"}`)).map((s) => [s.metric.groupname, Number(s.value[1])]),
    );
    expect(byGroup).to.include({ nginx: 5, '/usr/lib/postgresql/16/bin/postgres': 3, 'worker:600': 1, 'worker:601': 1 });
    const running = await query(`sum(namedprocess_namegroup_states{job="${JOB}", state="Running"})`);
    // 102 (nginx) and 205 (a python thread) run.
    expect(running[0].value[1]).to.equal('2');
  });
});
