/**
 * Degrading per record, not per collector: a line a parser rejects costs its
 * record (a meminfo line, an md array), the rest of the file is exported, the
 * ParseError is logged once per file and state change and counted in
 * proc_exporter_parse_errors_total{handler}. And the lines of node_exporter's
 * fixture tree that used to fail two whole collectors (quoted in issue 13).
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import pino from 'pino';
import { collectors } from '../../collectors/index';
import { startExporter } from '../../src/exporter/cli';
import { parseErrorLog, type CollectorDefinition } from '../../src/collector';
import { Scheduler, type ScheduledCollector } from '../../src/exporter/scheduler';
import { ProcFs } from '../../src/procfs';
import { run, series, TREES } from '../collectors/run';
import { tmpTree } from '../collectors/tmp-tree';
import { fixture } from '../support/fixtures';
import { get, loadConfig, TREE_6_18 } from './helpers';

function scheduled(definition: CollectorDefinition): ScheduledCollector {
  const options = Object.fromEntries(Object.entries(definition.options ?? {}).map(([k, v]) => [k, v.default]));
  return { definition, options, intervalMs: 60_000, timeoutMs: 5000 };
}

/** A logger whose lines the test reads. */
function capturing(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return { logger: pino({ level: 'debug' }, { write: (s: string) => lines.push(JSON.parse(s) as Record<string, unknown>) }), lines };
}

const BAD_ARRAY = 'md9 : active raid1 sdy1[1] sdx1[0](Q)\n      100 blocks [2/2] [UU]\n';

describe('exporter: a bad line costs its record, not the collector', function () {
  this.timeout(30_000);
  let tree: { root: string; remove: () => void };
  const saved = parseErrorLog.logger;

  beforeEach(() => {
    parseErrorLog.reset();
    const meminfo = fixture('proc/meminfo').replace('Cached:            42848 kB\n', 'Cached:            lots kB\n');
    const mdstat = fixture('trees/mdadm/proc/mdstat').replace('unused devices:', `${BAD_ARRAY}unused devices:`);
    tree = tmpTree({ meminfo, mdstat });
  });
  afterEach(() => {
    tree.remove();
    parseErrorLog.logger = saved;
    parseErrorLog.reset();
  });

  it('exports the rest, logs once per file and state change, counts every rejected line', async () => {
    const { logger, lines } = capturing();
    parseErrorLog.logger = logger;
    const scheduler = new Scheduler({
      collectors: [scheduled(collectors.meminfo), scheduled(collectors.mdadm)],
      procfs: new ProcFs(tree.root),
      env: { pageSize: 4096 },
      logger,
    });
    for (let cycle = 0; cycle < 3; cycle++) {
      const snapshot = await scheduler.runOnce();
      expect(snapshot.run('meminfo')!.success, `cycle ${cycle}`).to.equal(true);
      expect(snapshot.run('mdadm')!.success, `cycle ${cycle}`).to.equal(true);
      const text = snapshot.text('text');
      expect(text).to.match(/^node_memory_MemTotal_bytes 25276063744$/m);
      expect(text).to.match(/^node_memory_DirectMap1G_bytes /m);
      expect(text).to.not.match(/^node_memory_Cached_bytes /m);
      expect(text).to.match(/^node_md_state\{device="md2",state="recovering"\} 1$/m);
      expect(text).to.match(/^node_md_state\{device="md127",state="inactive"\} 1$/m);
      expect(text).to.not.match(/device="md9"/);
    }
    // The files are read concurrently: their warnings come in either order.
    const warnings = lines.filter((l) => l.level === 40).sort((a, b) => String(a.handler).localeCompare(String(b.handler)));
    expect(warnings.map((l) => [l.handler, l.skipped, l.err])).to.deep.equal([
      [
        'mdstat',
        1,
        `${tree.root}/mdstat:${
          fixture('trees/mdadm/proc/mdstat')
            .split('\n')
            .findIndex((l) => l.startsWith('unused devices:')) + 1
        }: unknown device flag in "sdx1[0](Q)": "md9 : active raid1 sdy1[1] sdx1[0](Q)"`,
      ],
      ['meminfo', 1, `${tree.root}/meminfo:5: Cached is not an unsigned integer ("lots"): "Cached:            lots kB"`],
    ]);
    expect(parseErrorLog.families()).to.deep.equal([
      {
        name: 'proc_exporter_parse_errors_total',
        help: 'Lines of /proc files their parser rejected (each left out with its record, or failing its collector), by handler.',
        type: 'counter',
        samples: [
          { labels: { handler: 'mdstat' }, value: 3 },
          { labels: { handler: 'meminfo' }, value: 3 },
        ],
      },
    ]);
    // Repaired: logged once as clean again, counters kept.
    fs.writeFileSync(path.join(tree.root, 'meminfo'), fixture('proc/meminfo'));
    await scheduler.runOnce();
    await scheduler.runOnce();
    expect(lines.filter((l) => l.msg === 'file parses cleanly again').map((l) => l.handler)).to.deep.equal(['meminfo']);
    expect(lines.filter((l) => l.level === 40)).to.have.length(2);
    expect(parseErrorLog.families()[0].samples).to.deep.equal([
      { labels: { handler: 'mdstat' }, value: 5 },
      { labels: { handler: 'meminfo' }, value: 3 },
    ]);
  });

  it('a file cut in the middle of a line (a read interrupted, a truncated copy) loses that line only', async () => {
    const lines = fixture('proc/diskstats').split('\n');
    const vda = lines.find((l) => / vda /.test(l))!;
    fs.writeFileSync(path.join(tree.root, 'diskstats'), `${vda}\n${lines[lines.indexOf(vda) + 1].slice(0, 20)}`);
    const scheduler = new Scheduler({
      collectors: [scheduled(collectors.diskstats)],
      procfs: new ProcFs(tree.root),
      env: { pageSize: 4096 },
      logger: pino({ level: 'silent' }),
    });
    const snapshot = await scheduler.runOnce();
    expect(snapshot.run('diskstats')!.success).to.equal(true);
    expect(snapshot.text('text')).to.include('node_disk_reads_completed_total{device="vda"} 6160\n');
    expect(parseErrorLog.families()[0].samples).to.deep.equal([{ labels: { handler: 'diskstats' }, value: 1 }]);
  });

  it('a file that fails whole (a bad header, every record bad) still fails its collector, counted once', async () => {
    fs.writeFileSync(path.join(tree.root, 'meminfo'), 'MemTotal: x kB\nMemFree: y kB\n');
    const scheduler = new Scheduler({
      collectors: [scheduled(collectors.meminfo)],
      procfs: new ProcFs(tree.root),
      env: { pageSize: 4096 },
      logger: pino({ level: 'silent' }),
    });
    const snapshot = await scheduler.runOnce();
    expect(snapshot.run('meminfo')).to.include({
      success: false,
      error: `${tree.root}/meminfo:1: MemTotal is not an unsigned integer ("x") (no good record left): "MemTotal: x kB"`,
    });
    expect(parseErrorLog.families()[0].samples).to.deep.equal([{ labels: { handler: 'meminfo' }, value: 1 }]);
  });

  it('/metrics carries proc_exporter_parse_errors_total{handler} next to the exported rest', async () => {
    const root = path.join(tree.root, 'proc');
    fs.cpSync(TREE_6_18, root, { recursive: true, verbatimSymlinks: true });
    fs.copyFileSync(path.join(tree.root, 'meminfo'), path.join(root, 'meminfo'));
    const config = loadConfig(['--config', '/dev/null', '--web.listen-address', '127.0.0.1:0', '--path.procfs', root]);
    const running = await startExporter(config, pino({ level: 'silent' }), { pageSize: 4096 });
    try {
      await running.scheduler.firstSnapshot();
      const body = (await get(`http://${running.address}/metrics`)).body;
      expect(body).to.include('# TYPE proc_exporter_parse_errors_total counter\n');
      expect(body).to.match(/^proc_exporter_parse_errors_total\{handler="meminfo"\} 1$/m);
      expect(body).to.match(/^proc_exporter_parse_errors_total\{handler="stat"\} 0$/m);
      expect(body).to.match(/^node_scrape_collector_success\{collector="meminfo"\} 1$/m);
    } finally {
      await running.stop();
    }
  });
});

describe("exporter: the lines of node_exporter's fixture tree that failed whole collectors", () => {
  it('mdadm: an inactive array naming its personality, with faulty and spare members (md4), exported with the others', async () => {
    const mdstat = fixture('trees/mdadm/proc/mdstat').replace(
      'unused devices:',
      'md4 : inactive raid1 sda3[0](F) sdb3[1](S)\n      4883648 blocks [2/2] [UU]\n\nunused devices:',
    );
    const tree = tmpTree({ mdstat });
    try {
      const s = series(await run(collectors.mdadm, tree.root));
      expect(s['node_md_state{device="md4",state="inactive"}']).to.equal(1);
      expect(s['node_md_blocks{device="md4"}']).to.equal(4883648);
      expect(s['node_md_state{device="md2",state="recovering"}']).to.equal(1);
    } finally {
      tree.remove();
    }
  });

  it("mountstats: a mountinfo line with a doubled space (as node_exporter's `1 1 0:5 /  /root …`) does not cost the NFS mounts", async () => {
    const mountinfo = fixture('trees/mountstats/proc/self/mountinfo').replace('23 21 0:21 / /proc ', '23 21 0:21 /  /proc ');
    expect(mountinfo).to.include('/  /proc');
    const tree = tmpTree({ 'self/mountinfo': mountinfo, 'self/mountstats': fixture('trees/mountstats/proc/self/mountstats') });
    try {
      const before = series(await run(collectors.mountstats, path.join(TREES, 'mountstats', 'proc')));
      const after = series(await run(collectors.mountstats, tree.root));
      expect(Object.keys(before).length).to.be.greaterThan(10);
      expect(after).to.deep.equal(before);
    } finally {
      tree.remove();
    }
  });

  it('softnet: rows of 9 columns (kernels before 2.6.35)', async () => {
    const tree = tmpTree({
      'net/softnet_stat':
        '0000ffff 00000001 00000002 00000000 00000000 00000000 00000000 00000000 00000003\n00000010 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n',
    });
    try {
      const s = series(await run(collectors.softnet, tree.root));
      expect(s['node_softnet_processed_total{cpu="0"}']).to.equal(65535);
      expect(s['node_softnet_cpu_collision_total{cpu="0"}']).to.equal(3);
      expect(s['node_softnet_received_rps_total{cpu="1"}']).to.equal(0);
      expect(s['node_softnet_processed_total{cpu="1"}']).to.equal(16);
    } finally {
      tree.remove();
    }
  });
});
