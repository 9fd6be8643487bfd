/** The exporter's own metrics (src/exporter/process-metrics.ts): node_exporter's process_* set from /proc/self, build info, scrapes. */
import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { serializeFamily, type MetricFamily } from '../../src/exporter/exposition';
import { ProcessMetrics } from '../../src/exporter/process-metrics';
import { ProcFs } from '../../src/procfs';
import { fixturePath } from '../support/fixtures';

const TREE = fixturePath('trees/exporter-self');
const BUILD = { version: '9.8.7', revision: '0123456789ab' };

function byName(families: readonly MetricFamily[]): Map<string, MetricFamily> {
  return new Map(families.map((f) => [f.name, f]));
}

function value(families: Map<string, MetricFamily>, name: string): number {
  const family = families.get(name);
  expect(family, name).to.not.equal(undefined);
  expect(family!.samples, name).to.have.length(1);
  return family!.samples[0].value;
}

describe('exporter process metrics', () => {
  it("reads node_exporter's process_* set from self/stat, self/limits, self/fd and stat's btime", async () => {
    const metrics = new ProcessMetrics({ pageSize: 4096, procfs: new ProcFs(TREE), build: BUILD });
    const families = byName(await metrics.families());
    expect(value(families, 'process_cpu_seconds_total')).to.equal(0.06); // utime 6 + stime 0 ticks
    expect(value(families, 'process_resident_memory_bytes')).to.equal(10098 * 4096);
    expect(value(families, 'process_virtual_memory_bytes')).to.equal(745725952);
    expect(value(families, 'process_virtual_memory_max_bytes')).to.equal(18446744073709551615); // unlimited: RLIM_INFINITY
    expect(value(families, 'process_max_fds')).to.equal(20000);
    expect(value(families, 'process_open_fds')).to.equal(7);
    expect(value(families, 'process_start_time_seconds')).to.be.closeTo(1796167434 + 4327.23, 1e-6);
    expect(families.get('process_cpu_seconds_total')!.type).to.equal('counter');
    expect(families.get('process_open_fds')!.help).to.equal('Number of open file descriptors.');
    expect(serializeFamily(families.get('proc_exporter_build_info')!, 'text')).to.equal(
      '# HELP proc_exporter_build_info ' +
        "A metric with a constant '1' value labeled by version, revision and nodeversion from which proc_exporter was built.\n" +
        '# TYPE proc_exporter_build_info gauge\n' +
        `proc_exporter_build_info{version="9.8.7",revision="0123456789ab",nodeversion="${process.version}"} 1\n`,
    );
  });

  it('counts scrapes by status, 200, 500 and 503 present from the start as promhttp has them', async () => {
    const metrics = new ProcessMetrics({ pageSize: 4096, procfs: new ProcFs(TREE), build: BUILD });
    metrics.countScrape(200);
    metrics.countScrape(200);
    metrics.countScrape(503);
    const family = byName(await metrics.families()).get('promhttp_metric_handler_requests_total')!;
    expect(family.type).to.equal('counter');
    expect(family.samples.map((s) => [s.labels.code, s.value])).to.deep.equal([
      ['200', 2],
      ['500', 0],
      ['503', 1],
    ]);
  });

  it('leaves out the metrics whose file is missing and keeps the others', async () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-self-'));
    try {
      fs.mkdirSync(path.join(tree, 'self'));
      fs.copyFileSync(path.join(TREE, 'self', 'limits'), path.join(tree, 'self', 'limits'));
      const families = byName(await new ProcessMetrics({ pageSize: 4096, procfs: new ProcFs(tree), build: BUILD }).families());
      const absent = ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'process_virtual_memory_bytes'];
      absent.push('process_start_time_seconds', 'process_open_fds');
      for (const name of absent) {
        expect(families.has(name), name).to.equal(false);
      }
      expect(value(families, 'process_max_fds')).to.equal(20000);
      expect(families.has('nodejs_heap_size_used_bytes')).to.equal(true);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it('on the live /proc: every metric present, the heap and event-loop figures of this process', async () => {
    const families = byName(await new ProcessMetrics({ pageSize: 4096, build: BUILD }).families());
    const positive = ['process_cpu_seconds_total', 'process_open_fds', 'process_max_fds'];
    positive.push('process_virtual_memory_bytes', 'process_virtual_memory_max_bytes');
    for (const name of positive) {
      expect(value(families, name), name).to.be.greaterThan(0);
    }
    const now = Date.now() / 1000;
    expect(value(families, 'process_start_time_seconds')).to.be.within(now - process.uptime() - 5, now);
    const heapTotal = value(families, 'nodejs_heap_size_total_bytes');
    expect(value(families, 'nodejs_heap_size_used_bytes')).to.be.greaterThan(0).and.at.most(heapTotal);
    expect(value(families, 'nodejs_eventloop_active_seconds_total')).to.be.at.least(0);
  });
});
