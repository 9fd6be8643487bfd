/** The exporter as a process: version line and start-up summary (logfmt, or JSON), /healthz, graceful shutdown on SIGTERM/SIGINT. */
import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import pino from 'pino';
import { collectors } from '../../collectors/index';
import { startExporter } from '../../src/exporter/cli';
import { toLogfmt } from '../../src/exporter/log';
import { buildInfo } from '../../src/version';
import { get, loadConfig, startExporterProcess, TREE_6_18, type StartedExporter } from './helpers';

async function eventually(check: () => boolean, what: string, exporter: StartedExporter): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; exporter log:\n${exporter.stderr()}`);
}

describe('exporter process', function () {
  this.timeout(30_000);

  /** The `key=value` fields of one logfmt line (quoted values unquoted). */
  const logfmtFields = (line: string): Record<string, string> =>
    Object.fromEntries(
      [...line.matchAll(/(\S+?)=("(?:[^"\\]|\\.)*"|\S*)/g)].map((m) => [m[1], m[2].startsWith('"') ? (JSON.parse(m[2]) as string) : m[2]]),
    );
  const starting = (): Record<string, string> => ({
    level: 'info',
    msg: 'Starting proc-exporter',
    version: buildInfo().version,
    revision: buildInfo().revision,
  });
  const defaultCollectors = (): string[] =>
    Object.values(collectors)
      .filter((c) => c.defaultEnabled)
      .map((c) => `${c.name}@15s`);

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`logs in logfmt by default, version first, then a start-up summary of scalars; serves, and exits 0 on ${signal}`, async () => {
      const exporter = await startExporterProcess(['--config', '/dev/null', '--path.procfs', TREE_6_18]);
      try {
        const lines = exporter.stderr().split('\n');
        const first = logfmtFields(lines[0]);
        expect(first).to.include(starting());
        expect(first.node).to.equal(process.version);
        const summary = logfmtFields(lines.find((l) => l.includes(' msg=listening '))!);
        expect(summary.collectors).to.equal(defaultCollectors().join(','));
        expect(summary.procfs).to.equal(TREE_6_18);
        expect(summary.address).to.equal(exporter.address);
        for (let i = 0; i < 50 && (await get(`http://${exporter.address}/healthz`)).status !== 200; i++)
          await new Promise((r) => setTimeout(r, 100));
        expect((await get(`http://${exporter.address}/healthz`)).status).to.equal(200);
        const exited = new Promise<number | null>((resolve) => exporter.child.once('exit', (code) => resolve(code)));
        exporter.child.kill(signal);
        expect(await exited).to.equal(0);
        expect(exporter.stderr()).to.match(/^ts=\S+ level=info msg=stopped$/m);
      } finally {
        await exporter.stop();
      }
    });
  }

  it('logs JSON lines with --log.format json (lists stay lists there)', async () => {
    const exporter = await startExporterProcess(['--config', '/dev/null', '--path.procfs', TREE_6_18, '--log.format', 'json']);
    try {
      const lines = exporter
        .stderr()
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines[0]).to.include(starting());
      expect(lines.find((l) => l.msg === 'listening')!.collectors).to.deep.equal(defaultCollectors());
    } finally {
      await exporter.stop();
    }
  });

  it("--web.disable-exporter-metrics leaves the exporter's own metrics (process_*, nodejs_*, build info, scrapes) out of /metrics", async () => {
    const silent = pino({ level: 'silent' });
    for (const [flags, expected] of [
      [[], true],
      [['--web.disable-exporter-metrics'], false],
    ] as const) {
      const config = loadConfig(['--config', '/dev/null', '--web.listen-address', '127.0.0.1:0', '--path.procfs', TREE_6_18, ...flags]);
      const running = await startExporter(config, silent, { pageSize: 4096 });
      try {
        await running.scheduler.firstSnapshot();
        const body = (await get(`http://${running.address}/metrics`)).body;
        expect(/^process_cpu_seconds_total /m.test(body), `process_cpu_seconds_total with ${JSON.stringify(flags)}`).to.equal(expected);
        expect(/^nodejs_heap_size_total_bytes /m.test(body), `nodejs_heap_size_total_bytes with ${JSON.stringify(flags)}`).to.equal(
          expected,
        );
        expect(/^proc_exporter_build_info\{version="/m.test(body), `proc_exporter_build_info with ${JSON.stringify(flags)}`).to.equal(
          expected,
        );
        expect(
          /^promhttp_metric_handler_requests_total\{code="200"\} /m.test(body),
          `promhttp_metric_handler_requests_total with ${JSON.stringify(flags)}`,
        ).to.equal(expected);
        expect(body).to.include('node_scrape_collector_success{collector="loadavg"} 1\n');
      } finally {
        await running.stop();
      }
    }
  });

  it('SIGHUP with an empty config.yaml, or a mapping its sample parse refuses, keeps the running configuration', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-empty-'));
    const file = path.join(dir, 'config.yaml');
    fs.writeFileSync(file, `procfs: ${TREE_6_18}\ncollectors:\n  softirqs:\n    enabled: true\n`);
    const exporter = await startExporterProcess(['--config', file]);
    try {
      const failures = (): number => (exporter.stderr().match(/reload failed; the running configuration is kept/g) ?? []).length;
      fs.writeFileSync(file, '');
      exporter.child.kill('SIGHUP');
      await eventually(() => failures() === 1, 'the refused reload', exporter);
      expect(exporter.stderr()).to.include(`err="${file}: the file is empty (write {} for the built-in defaults)"`);
      fs.writeFileSync(file, `procfs: ${TREE_6_18}\nmappings:\n  - { name: snmp6_counters, handler: net/snmp6, value: valu }\n`);
      exporter.child.kill('SIGHUP');
      await eventually(() => failures() === 2, 'the second refused reload', exporter);
      expect(exporter.stderr()).to.include("mappings[0] (snmp6_counters): field valu is not in net/snmp6's records (fields: name, value)");
      const body = (await get(`http://${exporter.address}/metrics`)).body;
      expect(body).to.include('node_scrape_collector_success{collector="softirqs"} 1\n');
      expect(body).to.not.include('mapping:snmp6_counters');
      expect(exporter.stderr()).to.not.include('configuration reloaded');
    } finally {
      await exporter.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('formats logfmt lines: every field a scalar (lists joined by commas, objects under dotted keys)', () => {
    const line = JSON.stringify({ level: 'error', time: 0, msg: 'collector failed', collector: 'diskstats', err: 'a "b"' });
    expect(toLogfmt(line)).to.equal('ts=1970-01-01T00:00:00.000Z level=error msg="collector failed" collector=diskstats err="a \\"b\\""\n');
    const nested = JSON.stringify({
      level: 'info',
      time: 0,
      msg: 'listening',
      collectors: ['cpu@5s', 'diskstats@5s'],
      config: null,
      empty: [],
      dump: { enabled: true, roots: ['/proc', '/sys'] },
      pairs: [{ a: 1 }, { a: 'x y' }],
      err: { message: 'gone', stack: 'Error: gone\n at x' },
    });
    expect(toLogfmt(nested)).to.equal(
      'ts=1970-01-01T00:00:00.000Z level=info msg=listening collectors=cpu@5s,diskstats@5s config=null empty="" ' +
        'dump.enabled=true dump.roots=/proc,/sys pairs.0.a=1 pairs.1.a="x y" err=gone\n',
    );
  });
});
