/**
 * Expositions far larger than a node's: a textfile of 130,000 families (the
 * snapshot joins 130,000 family texts), one family of 130,000 samples (the
 * textfile collector merges them), served over HTTP by the exporter; and a
 * textfile too big to keep (600,000 series, 39 MB), which fails the textfile
 * collector alone while every other collector and /metrics carry on.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import pino from 'pino';
import { startExporter, type Running } from '../../src/exporter/cli';
import { get, loadConfig, TREE_6_18 } from './helpers';

const silent = pino({ level: 'silent' });

describe('large expositions', function () {
  this.timeout(120_000);
  let dir: string;
  let running: Running | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-large-'));
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function metrics(): Promise<string> {
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
    running = await startExporter(config, silent, { pageSize: 4096 });
    await running.scheduler.firstSnapshot();
    const res = await get(`http://${running.address}/metrics`);
    expect(res.status).to.equal(200);
    return res.body;
  }

  it('130,000 one-sample families from a textfile (1.3 MB): served whole', async () => {
    fs.writeFileSync(path.join(dir, 'many.prom'), Array.from({ length: 130_000 }, (_, i) => `m_${i} 1\n`).join(''));
    const body = await metrics();
    expect(body).to.include('\n# TYPE m_0 untyped\nm_0 1\n').and.include('\nm_129999 1\n');
    expect(body.match(/^m_\d+ 1$/gm)).to.have.length(130_000);
    expect(body).to.include('node_scrape_collector_success{collector="textfile"} 1\n');
    expect(body).to.include('node_textfile_scrape_error 0\n');
  });

  it('one family of 130,000 samples: served whole', async () => {
    fs.writeFileSync(
      path.join(dir, 'wide.prom'),
      `# TYPE wide gauge\n${Array.from({ length: 130_000 }, (_, i) => `wide{i="${i}"} ${i}\n`).join('')}`,
    );
    const body = await metrics();
    expect(body.match(/^wide\{i="\d+"\} \d+$/gm)).to.have.length(130_000);
    expect(body).to.include('\nwide{i="0"} 0\n').and.include('\nwide{i="129999"} 129999\n');
    expect(body).to.include('node_scrape_collector_success{collector="textfile"} 1\n');
  });

  it('a textfile of 600,000 series (39 MB) fails the textfile collector alone; the other collectors and /metrics carry on', async () => {
    const line = (i: number): string => `textfile_runaway_series_with_a_long_name{instance="host-${String(i).padStart(6, '0')}"} 1\n`;
    const fd = fs.openSync(path.join(dir, 'huge.prom'), 'w');
    for (let i = 0; i < 600_000; i += 10_000) fs.writeSync(fd, Array.from({ length: 10_000 }, (_, j) => line(i + j)).join(''));
    fs.closeSync(fd);
    expect(fs.statSync(path.join(dir, 'huge.prom')).size).to.be.greaterThan(39_000_000);
    const body = await metrics();
    expect(body).to.include('node_scrape_collector_success{collector="textfile"} 0\n');
    expect(body).to.include('node_scrape_collector_success{collector="loadavg"} 1\n');
    expect(body).to.include('node_load1 ');
    expect(body).to.not.include('textfile_runaway');
    expect(running!.scheduler.snapshot!.run('textfile')!.error).to.equal(
      `${dir}/huge.prom: larger than ${16 * 1024 * 1024} bytes (the textfile collector's limit per file)`,
    );
  });

  it('files that together hold more than 250,000 samples fail the textfile collector, naming the file that went over', async () => {
    for (const name of ['a', 'b'])
      fs.writeFileSync(path.join(dir, `${name}.prom`), Array.from({ length: 130_000 }, (_, i) => `${name}{i="${i}"} 1\n`).join(''));
    const body = await metrics();
    expect(body).to.include('node_scrape_collector_success{collector="textfile"} 0\n');
    expect(running!.scheduler.snapshot!.run('textfile')!.error).to.equal(
      `${dir}/b.prom: more than 250000 samples in the textfile directory (the textfile collector's limit)`,
    );
  });
});
