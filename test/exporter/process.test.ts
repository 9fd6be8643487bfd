/** The exporter as a process: start-up summary, /healthz, graceful shutdown on SIGTERM/SIGINT, logfmt. */
import { expect } from 'chai';
import { collectors } from '../../collectors/index';
import { toLogfmt } from '../../src/exporter/log';
import { get, startExporterProcess, TREE_6_18 } from './helpers';

describe('exporter process', function () {
  this.timeout(30_000);

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`logs a start-up summary, serves, and exits 0 on ${signal}`, async () => {
      const exporter = await startExporterProcess(['--config', '/dev/null', '--path.procfs', TREE_6_18]);
      try {
        const summary = JSON.parse(exporter.stderr().split('\n').find((l) => l.includes('"listening"'))!) as Record<string, unknown>;
        expect(summary.collectors).to.deep.equal(Object.values(collectors).filter((c) => c.defaultEnabled).map((c) => `${c.name}@5s`));
        expect(summary.procfs).to.equal(TREE_6_18);
        for (let i = 0; i < 50 && (await get(`http://${exporter.address}/healthz`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
        expect((await get(`http://${exporter.address}/healthz`)).status).to.equal(200);
        const exited = new Promise<number | null>((resolve) => exporter.child.once('exit', (code) => resolve(code)));
        exporter.child.kill(signal);
        expect(await exited).to.equal(0);
        expect(exporter.stderr()).to.include('"msg":"stopped"');
      } finally {
        await exporter.stop();
      }
    });
  }

  it('formats logfmt lines', () => {
    const line = JSON.stringify({ level: 'error', time: 0, msg: 'collector failed', collector: 'diskstats', err: 'a "b"' });
    expect(toLogfmt(line)).to.equal('ts=1970-01-01T00:00:00.000Z level=error msg="collector failed" collector=diskstats err="a \\"b\\""\n');
  });
});
