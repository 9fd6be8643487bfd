/**
 * A textfile family with a built-in name (node_load1, node_cpu_seconds_total,
 * process_cpu_seconds_total, node_scrape_collector_success) never gives a
 * second HELP/TYPE or a duplicate series. As node_exporter 1.5.0 (checked with
 * Debian's prometheus-node-exporter on the same files): the built-in family is
 * kept; a textfile family with another help or type is dropped; one with the
 * same help and type adds only the series the built-in one does not have; each
 * conflict is logged. promtool check metrics finds nothing more than it does
 * without the textfile.
 */
import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import pino from 'pino';
import { Writable } from 'stream';
import { startExporter, type Running } from '../../src/exporter/cli';
import { requireTool } from '../support/tools';
import { exporterArgs, get, loadConfig, TREE_6_18 } from './helpers';

const FILES: Record<string, string> = {
  'a.prom': 'node_load1 42\n',
  'b.prom': [
    '# HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.',
    '# TYPE node_cpu_seconds_total counter',
    'node_cpu_seconds_total{cpu="0",mode="idle"} 5',
    'node_cpu_seconds_total{cpu="99",mode="idle"} 7',
    '',
  ].join('\n'),
  'c.prom':
    'process_cpu_seconds_total 3\nnode_scrape_collector_success{collector="loadavg"} 0\nnode_scrape_collector_success{collector="zzz"} 0\n',
  'd.prom': '# TYPE node_load5 counter\nnode_load5 1\n',
};

describe('textfile families with built-in names', function () {
  this.timeout(60_000);
  let dir: string;
  let running: Running | undefined;
  let logged = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-conflicts-'));
    for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
  });
  after(async () => {
    await running?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function scrape(): Promise<string> {
    if (!running) {
      const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _e, done) => ((logged += chunk.toString()), done()) }));
      const config = loadConfig([
        '--config',
        '/dev/null',
        '--web.listen-address',
        '127.0.0.1:0',
        '--path.procfs',
        TREE_6_18,
        '--collector.textfile.directory',
        dir,
      ]);
      running = await startExporter(config, logger, { pageSize: 4096 });
      await running.scheduler.firstSnapshot();
    }
    const res = await get(`http://${running.address}/metrics`);
    expect(res.status).to.equal(200);
    return res.body;
  }

  const lines = (body: string, pattern: RegExp): string[] => body.split('\n').filter((l) => pattern.test(l));

  it('keeps the built-in family and drops what conflicts with it, as node_exporter 1.5.0', async () => {
    const body = await scrape();
    expect(lines(body, /^(# (HELP|TYPE) )?node_load1\b/)).to.deep.equal([
      '# HELP node_load1 1m load average.',
      '# TYPE node_load1 gauge',
      'node_load1 0',
    ]);
    expect(lines(body, /^(# (HELP|TYPE) )?node_load5\b/)).to.deep.equal([
      '# HELP node_load5 5m load average.',
      '# TYPE node_load5 gauge',
      'node_load5 0',
    ]);
    expect(lines(body, /^# (HELP|TYPE) node_cpu_seconds_total /)).to.have.length(2);
    // Same help and type: the series the cpu collector does not have is added, the duplicate dropped.
    expect(lines(body, /^node_cpu_seconds_total\{cpu="(0|99)",mode="idle"\}/)).to.deep.equal([
      'node_cpu_seconds_total{cpu="0",mode="idle"} 219.74',
      'node_cpu_seconds_total{cpu="99",mode="idle"} 7',
    ]);
    expect(lines(body, /^(# (HELP|TYPE) )?process_cpu_seconds_total\b/)).to.have.length(3);
    expect(body).to.not.include('process_cpu_seconds_total 3\n');
    expect(lines(body, /^node_scrape_collector_success\{collector="(loadavg|zzz|textfile)"\}/)).to.deep.equal([
      'node_scrape_collector_success{collector="loadavg"} 1',
      'node_scrape_collector_success{collector="textfile"} 1',
    ]);
    expect(body).to.include('node_textfile_scrape_error 0\n');
  });

  it("logs each conflict once, at error level, in node_exporter's words", async () => {
    await scrape();
    const records = logged
      .split('\n')
      .filter((l) => l.includes('metric name conflict'))
      .map((l) => JSON.parse(l) as { level: number; msg: string; conflicts: string[] });
    expect(records).to.have.length(1);
    expect(records[0].level).to.equal(50);
    expect(records[0].msg).to.equal("5 metric name conflict(s); the first source's families are kept");
    expect(records[0].conflicts).to.deep.equal([
      'node_cpu_seconds_total from the textfile collector: 1 series were collected before (by cpu) with the same name and label values; dropped',
      `node_load1 from the textfile collector has help "Metric read from ${dir}/a.prom" but should have "1m load average." (loadavg's); dropped`,
      `node_load5 from the textfile collector has help "Metric read from ${dir}/d.prom" but should have "5m load average." (loadavg's); dropped`,
      `node_scrape_collector_success from the textfile collector has help "Metric read from ${dir}/c.prom" but should have "node_exporter: Whether a collector succeeded." (exporter's); dropped`,
      `process_cpu_seconds_total from the textfile collector has help "Metric read from ${dir}/c.prom" but should have "Total user and system CPU time spent in seconds." (exporter's); dropped`,
    ]);
  });

  it('promtool check metrics finds nothing it does not find without the textfile', async function () {
    const promtool = requireTool(this, 'promtool');
    const findings = (text: string): string[] => {
      const result = spawnSync(promtool, ['check', 'metrics'], { input: text, encoding: 'utf8' });
      return `${result.stdout}${result.stderr}`
        .split('\n')
        .filter((l) => l.trim() !== '')
        .sort();
    };
    const body = await scrape();
    const without = spawnSync(process.execPath, [...exporterArgs(), '--once', '--config', '/dev/null', '--path.procfs', TREE_6_18], {
      encoding: 'utf8',
      env: { ...process.env, PROC_EXPORTER_PAGE_SIZE: '4096' },
    }).stdout;
    expect(without).to.include('# TYPE node_load1 gauge');
    expect(findings(body)).to.deep.equal(findings(without));
  });
});
