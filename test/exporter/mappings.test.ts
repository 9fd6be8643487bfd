/**
 * Config-driven mappings and process groups (issue 10): golden files on
 * fixture trees, every validation message, deferred checks at run time,
 * group counters that do not go backwards when a member exits, and the
 * config.yaml examples live on this machine (shape only).
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import pino from 'pino';
import { ConfigError } from '../../src/config';
import type { MetricFamily } from '../../src/exporter/exposition';
import { filesystems } from '../../src/collector';
import { checkCollectors } from '../../src/exporter/cli';
import { Scheduler, runCollector, type ScheduledCollector } from '../../src/exporter/scheduler';
import { ProcFs } from '../../src/procfs';
import { projectRoot } from '../support/fixtures';
import { statLine, writeTree, PROCESS_GROUPS_TREE } from '../support/process-tree';
import { loadConfig, normalizeDurations, runExporter, TREE_6_18 } from './helpers';

const GOLDEN = path.join(projectRoot, 'test', 'exporter', 'golden');
const GROUPS_TREE = path.join(projectRoot, 'fixtures', 'trees', 'process-groups');
const env = { pageSize: 4096 };

function scheduled(argv: string[]): ScheduledCollector[] {
  return loadConfig(argv)
    .collectors.filter((c) => c.enabled && (c.name.startsWith('mapping:') || c.name === 'process_groups'))
    .map((c) => ({ definition: c.definition, options: c.options, intervalMs: c.intervalMs, timeoutMs: c.timeoutMs }));
}

function sample(families: readonly MetricFamily[], name: string, labels: Record<string, string>): number | undefined {
  const family = families.find((f) => f.name === name);
  return family?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe('config-driven mappings and process groups', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-mappings-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  describe('golden files (--once on fixture trees)', () => {
    for (const [name, tree] of [
      ['mappings', TREE_6_18],
      ['process-groups', GROUPS_TREE],
    ] as const) {
      it(`${name}.yaml on ${path.relative(projectRoot, tree)} matches test/exporter/golden/${name}.prom`, () => {
        const result = runExporter([
          '--once',
          '--config',
          path.join(GOLDEN, `${name}.yaml`),
          '--path.procfs',
          tree,
          '--collector.disable-defaults',
        ]);
        expect(result.stderr, 'stderr').to.equal('');
        expect(result.status, 'exit status').to.equal(0);
        const actual = normalizeDurations(result.stdout);
        expect(actual, 'no run failed').to.not.match(/_success\{[^}]*\} 0$/m);
        const golden = path.join(GOLDEN, `${name}.prom`);
        if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, actual);
        expect(actual).to.equal(fs.readFileSync(golden, 'utf8'));
      });
    }
  });

  describe('validation at start (one message per problem, naming the entry)', () => {
    // The schema's problems when the config loads, the sample parse's when the exporter starts.
    const mappingError = (entries: string, procfs = TREE_6_18): string => {
      const file = write('bad.yaml', `mappings:\n${entries}`);
      try {
        checkCollectors(loadConfig(['--config', file, '--path.procfs', procfs]), filesystems(new ProcFs(procfs)));
      } catch (error) {
        expect(error).to.be.instanceOf(ConfigError);
        return (error as Error).message.replace(`${file}: `, '');
      }
      throw new Error('expected a ConfigError');
    };
    const cases: [string, string, string][] = [
      [
        'unknown handler',
        '  - { name: a, handler: net/nosuch, value: value }',
        'mappings[0] (a): unknown handler net/nosuch (proc2json --list shows the names)',
      ],
      [
        'a refused handler',
        '  - { name: a, handler: pid/mem, value: value }',
        'mappings[0] (a): handler pid/mem is not parsed (binary file, not supported)',
      ],
      [
        'a folder handler',
        '  - { name: a, handler: net/dev_snmp6, value: value }',
        'mappings[0] (a): handler net/dev_snmp6 reads a folder of files (net/dev_snmp6/*); a mapping reads one file',
      ],
      [
        'a field the records do not have (sample parse)',
        '  - { name: snmp6_counters, handler: net/snmp6, value: valu }',
        "mappings[0] (snmp6_counters): field valu is not in net/snmp6's records (fields: name, value)",
      ],
      ['a non-numeric value field', '  - { name: m, handler: meminfo, value: unit }', 'mappings[0] (m): field unit is not numeric ("kB")'],
      [
        'a map where a value is expected',
        '  - { name: rss, handler: pid/status, value: kB }',
        'mappings[0] (rss): field kB is not a single value (use a dotted path such as kB.VmPeak, kB.VmSize, kB.VmLck, kB.VmPin, kB.VmHWM)',
      ],
      [
        'a label field the records do not have',
        '  - { name: m, handler: meminfo, value: value, labels: [nom] }',
        "mappings[0] (m): field nom is not in meminfo's records (fields: name, value, unit)",
      ],
      [
        'an invalid metric name',
        '  - { name: m, handler: loadavg, metric: "load-1", value: load1 }',
        'mappings[0] (m): invalid metric name "procfs_load-1"',
      ],
      [
        'a built-in metric name',
        '  - { name: m, handler: loadavg, prefix: "", metric: node_sockstat_sockets_used, value: load1 }',
        "mappings[0] (m): metric node_sockstat_sockets_used collides with a built-in collector's metric",
      ],
      [
        'the node_ namespace',
        '  - { name: m, handler: loadavg, prefix: node_, metric: my_load, value: load1 }',
        'mappings[0] (m): metric node_my_load collides with the built-in (node_exporter) collectors (prefix node_)',
      ],
      [
        'the process groups namespace',
        '  - { name: m, handler: loadavg, metric: group_x, value: load1 }',
        'mappings[0] (m): metric procfs_group_x collides with process_groups (prefix procfs_group_)',
      ],
      [
        'two mappings with one metric name',
        '  - { name: a, handler: loadavg, metric: load, value: load1 }\n  - { name: b, handler: loadavg, metric: load, value: load5 }',
        'mappings[1] (b): metric procfs_load is also produced by mappings[0] (a)',
      ],
      [
        'a duplicate mapping name',
        '  - { name: a, handler: loadavg, value: load1 }\n  - { name: a, handler: loadavg, metric: b, value: load5 }',
        'mappings[1] (a): name a is used by an earlier mapping',
      ],
      [
        'cardinality over the limit',
        '  - { name: snmp6_counters, handler: net/snmp6, value: value, labels: [name], maxSeries: 10 }',
        'mappings[0] (snmp6_counters): 90 series in a sample of ' + TREE_6_18 + '/net/snmp6, over the limit of 10 (maxSeries)',
      ],
      [
        'labels that do not tell the records apart',
        '  - { name: snmp6_counters, handler: net/snmp6, value: value }',
        'mappings[0] (snmp6_counters): duplicate series procfs_snmp6_counters{} in a sample of ' +
          TREE_6_18 +
          '/net/snmp6 (labels must tell the records apart)',
      ],
      [
        'an unknown key',
        '  - { name: a, handler: loadavg, value: load1, lables: [x] }',
        'mappings[0] (a): unknown key lables (known: name, handler, metric, prefix, help, type, value, values, valueLabel, labels, scale, where, interval, timeout, maxSeries, enabled)',
      ],
      [
        'no value',
        '  - { name: a, handler: loadavg }',
        'mappings[0] (a): value: missing (the field holding the number, e.g. value or kB.VmRSS)',
      ],
      [
        'an invalid type',
        '  - { name: a, handler: loadavg, value: load1, type: summary }',
        'mappings[0] (a): type: expected gauge, counter or untyped, got "summary"',
      ],
      [
        'an invalid regex filter',
        '  - { name: a, handler: meminfo, value: value, labels: [name], where: { field: name, matches: "Mem(" } }',
        'mappings[0] (a): where.matches: invalid regular expression: /^(?:Mem()$/: Unterminated group',
      ],
      [
        'a filter with both tests',
        '  - { name: a, handler: meminfo, value: value, where: { field: name, equals: x, matches: y } }',
        'mappings[0] (a): where: expected exactly one of equals, matches',
      ],
      [
        'an invalid interval',
        '  - { name: a, handler: loadavg, value: load1, interval: soon }',
        'mappings[0] (a): interval: expected a duration like 15s',
      ],
      [
        '$pid outside pid/*',
        '  - { name: a, handler: meminfo, value: value, labels: { p: $pid } }',
        'mappings[0] (a): labels.p: $pid exists only for per-process (pid/*) handlers',
      ],
      [
        'valueLabel without values',
        '  - { name: a, handler: loadavg, value: load1, valueLabel: f }',
        'mappings[0] (a): valueLabel: only with values (several fields)',
      ],
      ['an entry that is not a mapping', '  - net/snmp6', 'mappings[0]: expected a mapping with name, handler and value'],
    ];
    for (const [what, entries, message] of cases) {
      it(`refuses ${what}`, () => expect(mappingError(entries)).to.equal(message));
    }

    it('loading the config reads no /proc file: the sample parse is made when the exporter starts', () => {
      const file = write('deferred.yaml', 'mappings:\n  - { name: snmp6_counters, handler: net/snmp6, value: valu }\n');
      const config = loadConfig(['--config', file, '--path.procfs', path.join(dir, 'no-such-root')]);
      expect(config.collectors.filter((c) => c.name.startsWith('mapping:')).map((c) => c.name)).to.deep.equal(['mapping:snmp6_counters']);
      expect(() => checkCollectors(config, filesystems(new ProcFs(TREE_6_18)))).to.throw(
        ConfigError,
        `${file}: mappings[0] (snmp6_counters): field valu is not in net/snmp6's records (fields: name, value)`,
      );
    });

    it('names every bad entry, in one line', () => {
      const message = mappingError(
        '  - { name: a, handler: nosuch, value: v }\n  - { name: ok, handler: loadavg, value: load1 }\n  - { name: c, handler: loadavg, value: load1, scale: big }',
      );
      expect(message).to.equal(
        'mappings[0] (a): unknown handler nosuch (proc2json --list shows the names); mappings[2] (c): scale: expected a number (1024 for kB → bytes)',
      );
    });

    const groupError = (yaml: string): string => {
      const file = write('groups.yaml', yaml);
      try {
        loadConfig(['--config', file, '--path.procfs', GROUPS_TREE]);
      } catch (error) {
        expect(error).to.be.instanceOf(ConfigError);
        return (error as Error).message.replace(`${file}: `, '');
      }
      throw new Error('expected a ConfigError');
    };
    const groupCases: [string, string, string][] = [
      ['a group without a matcher', 'process_groups:\n  - name: x', 'process_groups[0]: needs comm, exe or cmdline'],
      [
        'an unknown key',
        'process_groups:\n  - { comm: [a], cmd: x }',
        'process_groups[0]: unknown key cmd (known: name, comm, exe, cmdline)',
      ],
      [
        'an invalid cmdline regex',
        "process_groups:\n  - { cmdline: ['(?<x>a'] }",
        'process_groups[0].cmdline: invalid regular expression: /(?<x>a/: Unterminated group',
      ],
      [
        'a capture the regexes do not have',
        "process_groups:\n  - { name: '{{.Matches.y}}', cmdline: ['(?<x>a)'] }",
        'process_groups[0].name: {{.Matches.y}} names no capture of the cmdline regexes (x)',
      ],
      [
        'an unknown template variable',
        "process_groups:\n  - { name: '{{.Cwd}}', comm: [a] }",
        'process_groups[0].name: unknown template variable .Cwd ' +
          '(known: .Comm, .ExeBase, .ExeFull, .Username, .PID, .StartTime, .Cgroups, .Matches)',
      ],
      ['an empty comm list', 'process_groups:\n  - { comm: [] }', 'process_groups[0].comm: expected a non-empty list of strings'],
      [
        'a bad interval',
        'process_groups:\n  interval: often\n  groups: [{ comm: [a] }]',
        'process_groups.interval: expected a duration like 15s',
      ],
      ['a scalar', 'process_groups: nginx', 'process_groups: expected a list of groups'],
    ];
    for (const [what, yaml, message] of groupCases) {
      it(`process_groups: refuses ${what}`, () => expect(groupError(yaml)).to.equal(message));
    }

    it('exits with status 2 and one line for an invalid mapping', () => {
      const file = write('exit.yaml', 'mappings:\n  - { name: snmp6_counters, handler: net/snmp6, value: valu }\n');
      const result = runExporter(['--once', '--config', file, '--path.procfs', TREE_6_18]);
      expect(result.status).to.equal(2);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.equal(
        `proc-exporter: ${file}: mappings[0] (snmp6_counters): field valu is not in net/snmp6's records (fields: name, value)\n`,
      );
    });
  });

  describe('at run time', () => {
    it('runs through the scheduler with the built-in meta metrics (collector="mapping:<name>")', async () => {
      const file = write(
        'run.yaml',
        'mappings:\n  - { name: load, handler: loadavg, values: [load1, load5], valueLabel: window, interval: 1m }\n',
      );
      const collectors = scheduled(['--config', file, '--path.procfs', TREE_6_18]);
      expect(collectors.map((c) => [c.definition.name, c.intervalMs])).to.deep.equal([['mapping:load', 60_000]]);
      const scheduler = new Scheduler({ collectors, procfs: new ProcFs(TREE_6_18), env, logger: pino({ level: 'silent' }) });
      const text = normalizeDurations((await scheduler.runOnce()).text('text'));
      expect(text).to.include('node_scrape_collector_success{collector="mapping:load"} 1\n');
      expect(text).to.include('node_scrape_collector_duration_seconds{collector="mapping:load"} <duration>\n');
      expect(text).to.include('# TYPE procfs_load gauge\nprocfs_load{window="load1"} 0\nprocfs_load{window="load5"} 0\n');
    });

    it('a file absent at start: starts, and each run fails with a clear message until it appears', async () => {
      const root = path.join(dir, 'absent');
      fs.mkdirSync(path.join(root, 'sysvipc'), { recursive: true });
      const file = write('absent.yaml', 'mappings:\n  - { name: shm, handler: sysvipc/shm, value: size, labels: [shmid, nosuch] }\n');
      const [collector] = scheduled(['--config', file, '--path.procfs', root]);
      const first = await runCollector(collector, filesystems(new ProcFs(root)), env).result;
      expect(first.success).to.equal(false);
      expect(first.error).to.equal(`${root}/sysvipc/shm: no such file (not on this kernel?)`);
      // Deferred field check: the file appears, with a segment; `nosuch` is not a field.
      fs.copyFileSync(path.join(TREE_6_18, 'sysvipc', 'shm'), path.join(root, 'sysvipc', 'shm'));
      const second = await runCollector(collector, filesystems(new ProcFs(root)), env).result;
      expect(second.success).to.equal(false);
      expect(second.error).to.match(
        /^mappings\[0\] \(shm\): field nosuch is not in sysvipc\/shm's records \(fields: key, shmid, perms, size, /,
      );
    });

    it('a run over the series limit fails (cardinality grew after start)', async () => {
      const root = path.join(dir, 'growing');
      fs.mkdirSync(path.join(root, 'net'), { recursive: true });
      fs.writeFileSync(path.join(root, 'net', 'snmp6'), 'Ip6InReceives 1\nIp6InHdrErrors 0\n');
      const file = write('grow.yaml', 'mappings:\n  - { name: s6, handler: net/snmp6, value: value, labels: [name], maxSeries: 3 }\n');
      const [collector] = scheduled(['--config', file, '--path.procfs', root]);
      expect((await runCollector(collector, filesystems(new ProcFs(root)), env).result).success).to.equal(true);
      fs.copyFileSync(path.join(TREE_6_18, 'net', 'snmp6'), path.join(root, 'net', 'snmp6'));
      const run = await runCollector(collector, filesystems(new ProcFs(root)), env).result;
      expect(run.success).to.equal(false);
      expect(run.error).to.equal('mapping:s6: 90 series, over the limit of 3');
    });
  });

  describe('process groups: counters when members exit', () => {
    it('keep the totals of exited members (two cycles; one member exits, one pid is reused)', async () => {
      const root = path.join(dir, 'groups');
      writeTree(root);
      const file = write('g.yaml', fs.readFileSync(path.join(GOLDEN, 'process-groups.yaml'), 'utf8'));
      const [collector] = scheduled(['--config', file, '--path.procfs', root]);
      const procfs = new ProcFs(root);
      const first = await runCollector(collector, filesystems(procfs), env).result;
      expect(first.success).to.equal(true);
      const nginx = { groupname: 'nginx' };
      expect(sample(first.families, 'procfs_group_cpu_seconds_total', { ...nginx, mode: 'user' })).to.equal(24.5);
      expect(sample(first.families, 'procfs_group_num_procs', nginx)).to.equal(3);

      // 101 exits; 102 exits and its pid is reused by a new nginx worker; 100 gets 1 s more CPU.
      fs.rmSync(path.join(root, '101'), { recursive: true });
      const w102 = PROCESS_GROUPS_TREE.find((p) => p.pid === 102)!;
      fs.writeFileSync(path.join(root, '102', 'stat'), statLine({ ...w102, utime: 5, stime: 1, starttime: 9000 }));
      const m100 = PROCESS_GROUPS_TREE.find((p) => p.pid === 100)!;
      fs.writeFileSync(path.join(root, '100', 'stat'), statLine({ ...m100, utime: 250 }));
      const second = await runCollector(collector, filesystems(procfs), env).result;
      expect(second.success).to.equal(true);
      // user: 100 now 250 ticks, 101 exited at 1200, old 102 exited at 1100, new 102 has 5: 25.55 s.
      expect(sample(second.families, 'procfs_group_cpu_seconds_total', { ...nginx, mode: 'user' })).to.equal(25.55);
      expect(sample(second.families, 'procfs_group_cpu_seconds_total', { ...nginx, mode: 'system' })).to.equal(6.31);
      expect(sample(second.families, 'procfs_group_num_procs', nginx)).to.equal(2);
      expect(sample(second.families, 'procfs_group_io_write_bytes_total', nginx)).to.equal(4096 + 65536 + 61440 + 61440);
      for (const family of second.families.filter((f) => f.type === 'counter')) {
        for (const s of family.samples) {
          const before = first.families
            .find((f) => f.name === family.name)
            ?.samples.find((x) => JSON.stringify(x.labels) === JSON.stringify(s.labels));
          if (before) expect(s.value, `${family.name}${JSON.stringify(s.labels)}`).to.be.at.least(before.value);
        }
      }

      // Every postgres member exits: the group stays, with 0 processes and its counters.
      for (const pid of [300, 301, 302]) fs.rmSync(path.join(root, String(pid)), { recursive: true });
      const third = await runCollector(collector, filesystems(procfs), env).result;
      expect(sample(third.families, 'procfs_group_num_procs', { groupname: 'postgres' })).to.equal(0);
      expect(sample(third.families, 'procfs_group_cpu_seconds_total', { groupname: 'postgres', mode: 'user' })).to.equal(9.63);
      expect(sample(third.families, 'procfs_group_oldest_start_time_seconds', { groupname: 'postgres' })).to.equal(undefined);
    });
  });

  describe('live, on this machine (shape only)', () => {
    it('the commented examples of config.yaml work on /proc', () => {
      const lines = fs.readFileSync(path.join(projectRoot, 'config.yaml'), 'utf8').split('\n');
      const start = lines.indexOf('#mappings:');
      expect(start, 'config.yaml has a commented #mappings: block').to.be.greaterThan(0);
      const examples = lines
        .slice(start)
        .filter((l) => /^#(\S| {2})/.test(l))
        .map((l) => l.slice(1));
      const file = write('live.yaml', examples.join('\n'));
      const result = runExporter(['--once', '--config', file, '--collector.disable-defaults']);
      expect(result.stderr).to.equal('');
      expect(result.status).to.equal(0);
      const names = [...result.stdout.matchAll(/^node_scrape_collector_success\{collector="([^"]+)"\} (\d)$/gm)].map((m) => [m[1], m[2]]);
      expect(names.length).to.be.at.least(3);
      for (const [collector, ok] of names) expect(ok, collector).to.equal('1');
      expect(names.map((n) => n[0])).to.include('process_groups');
      expect(result.stdout).to.match(/^procfs_memory_available_bytes \d+(\.\d+)?(e\+\d+)?$/m);
      // This test runs under node: the node group exists and has members.
      expect(result.stdout).to.match(/^procfs_group_num_procs\{groupname="node"\} [1-9]\d*$/m);
      expect(result.stdout).to.match(/^procfs_group_cpu_seconds_total\{groupname="node",mode="user"\} \S+$/m);
      for (const line of result.stdout.split('\n'))
        if (line !== '' && !line.startsWith('#')) expect(line).to.match(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? -?[0-9.e+-]+$/);
    });
  });
});
