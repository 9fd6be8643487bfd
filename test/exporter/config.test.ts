/** config.yaml + schema + flags: valid files, every invalid case's message, flag overrides, exit status 2. */
import { expect } from 'chai';
import { collectors as collectorTable } from '../../collectors/index';
import type { CollectorDefinition } from '../../src/collector';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  ConfigError,
  DEFAULT_CONFIG_FILE,
  defaultText,
  optionFlag,
  parseConfigText,
  parseDuration,
  parseListenAddress,
  validateConfig,
} from '../../src/config';
import { loadConfig, runExporter } from './helpers';

function messageOf(yaml: string): string {
  try {
    parseConfigText(yaml, 'test.yaml', collectorTable);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

function configError(argv: string[]): string {
  try {
    loadConfig(argv);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

/** Collector names of the table, in table order, that `keep` accepts (what the config enables). */
function enabledWhere(keep: (c: CollectorDefinition) => boolean): string[] {
  return Object.values(collectorTable as Record<string, CollectorDefinition>)
    .filter(keep)
    .map((c) => c.name);
}

describe('exporter config', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-config-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  describe('valid', () => {
    it('loads the repository config.yaml as the default, with all four collectors on', () => {
      const config = loadConfig([]);
      expect(config.configFile).to.equal(DEFAULT_CONFIG_FILE);
      expect(config.listenAddress).to.equal(':19100');
      expect(config.listen).to.deep.equal({ host: undefined, port: 19100 });
      expect(config.telemetryPath).to.equal('/metrics');
      expect(config.procfs).to.equal('/proc');
      expect(config.intervalMs).to.equal(15_000);
      expect(config.collectors.filter((c) => c.enabled).map((c) => c.name)).to.deep.equal(
        enabledWhere((c) => c.defaultEnabled || c.name === 'softirqs'),
      );
      expect(config.dump).to.deep.equal({
        enabled: true,
        perProcess: false,
        environOfOtherProcesses: false,
        maxBytes: 16 * 1024 * 1024,
        timeoutMs: 10_000,
      });
      expect(config.maxRequests).to.equal(40);
      expect(config.webConfigFile).to.equal(undefined);
      expect(config.log).to.deep.equal({ level: 'info', format: 'logfmt' });
    });

    it('uses built-in defaults for an empty file (softirqs off, as in node_exporter)', () => {
      const config = loadConfig(['--config', write('empty.yaml', '')]);
      expect(config.collectors.filter((c) => c.enabled).map((c) => c.name)).to.deep.equal(enabledWhere((c) => c.defaultEnabled));
      const diskstats = config.collectors.find((c) => c.name === 'diskstats')!;
      expect(diskstats.options.deviceExclude).to.equal('^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$');
      expect(diskstats.timeoutMs).to.equal(15_000);
      expect(config.log).to.deep.equal({ level: 'info', format: 'logfmt' });
    });

    it('reads per-collector interval, timeout and options', () => {
      const file = write(
        'c.yaml',
        'interval: 10s\ncollectors:\n  diskstats:\n    interval: 1m30s\n    timeout: 2s\n    deviceInclude: "^sd"\n  netstat:\n',
      );
      const config = loadConfig(['--config', file]);
      const diskstats = config.collectors.find((c) => c.name === 'diskstats')!;
      expect(diskstats.intervalMs).to.equal(90_000);
      expect(diskstats.timeoutMs).to.equal(2000);
      expect(diskstats.options).to.deep.equal({ deviceExclude: '', deviceInclude: '^sd' });
      expect(config.collectors.find((c) => c.name === 'netstat')!.intervalMs).to.equal(10_000);
    });

    it('parses durations and listen addresses', () => {
      expect(parseDuration('500ms')).to.equal(500);
      expect(parseDuration('1h2m3s')).to.equal(3_723_000);
      expect(parseDuration('0s')).to.equal(undefined);
      expect(parseDuration('15')).to.equal(undefined);
      expect(parseListenAddress(':19100')).to.deep.equal({ host: undefined, port: 19100 });
      expect(parseListenAddress('[::1]:80')).to.deep.equal({ host: '::1', port: 80 });
      expect(parseListenAddress('127.0.0.1:99999')).to.equal(undefined);
    });
  });

  describe('invalid: one message naming the key and the problem', () => {
    const cases: [string, string][] = [
      ['collectors:\n  diskstats:\n    interval: 15\n', 'collectors.diskstats.interval: expected a string'],
      ['collectors:\n  diskstats:\n    interval: soon\n', 'collectors.diskstats.interval: expected a duration like 15s'],
      ['interval: 0s\n', 'interval: expected a duration like 15s'],
      ['collectors:\n  diskstats:\n    enabled: yes please\n', 'collectors.diskstats.enabled: expected true or false'],
      [
        'collectors:\n  diskstat:\n    enabled: true\n',
        'collectors.diskstat: unknown collector (known: diskstats, netstat, sockstat, softirqs',
      ],
      ['collectors:\n  diskstats:\n    deviceExclud: x\n', 'collectors.diskstats.deviceExclud: unknown key'],
      ['web:\n  listenAddress: "19100"\n', 'web.listenAddress: expected an address like :19100 or 127.0.0.1:19100'],
      ['web:\n  telemetryPath: metrics\n', 'web.telemetryPath: expected a path starting with /'],
      ['log:\n  format: text\n', 'log.format: expected one of json, logfmt'],
      ['log:\n  level: loud\n', 'log.level: expected one of debug, info, warn, error'],
      ['dump:\n  perProcess: 1\n', 'dump.perProcess: expected true or false'],
      [
        'collectors:\n  netstat:\n    fields: "^(Tcp"\n',
        'collectors.netstat.fields: invalid regular expression: /^(Tcp/: Unterminated group',
      ],
      ['collectors:\n  sysctl:\n    include: vm.swappiness\n', 'collectors.sysctl.include: expected a list of strings'],
      ['collectors:\n  sysctl:\n    includeInfo: [1]\n', 'collectors.sysctl.includeInfo[0]: expected a string'],
      ['- just\n- a list\n', '(top level): expected a mapping'],
      ['web: [unclosed\n', 'test.yaml: line 2, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
      ['a: 1\na: 2\n', 'test.yaml: line 2, column 1: Map keys must be unique'],
      ['interval: 500ms\n', 'interval: expected at least 1s, got 500ms (the shortest interval)'],
      [
        'collectors:\n  diskstats:\n    interval: 1ms\n',
        'collectors.diskstats.interval: expected at least 1s, got 1ms (the shortest interval)',
      ],
      [
        'process_groups:\n  interval: 100ms\n  groups: [{ comm: [a] }]\n',
        'process_groups.interval: expected at least 1s, got 100ms (the shortest interval)',
      ],
      [
        'mappings:\n  - { name: a, handler: loadavg, value: load1, interval: 10ms }\n',
        'mappings[0] (a): interval: expected at least 1s, got 10ms (the shortest interval)',
      ],
    ];
    for (const [yaml, message] of cases) {
      it(`${JSON.stringify(yaml)} → ${message}`, () => {
        const text = messageOf(yaml);
        expect(text).to.include(message);
        expect(text).to.not.include('\n');
      });
    }

    it('reports every problem of a file on one line', () => {
      expect(validateConfig({ interval: 'x', log: { format: 'y' } }, collectorTable)).to.deep.equal([
        'interval: expected a duration like 15s',
        'log.format: expected one of json, logfmt',
      ]);
    });

    it('an empty file gives the built-in defaults, or is refused when asked (a reload)', () => {
      expect(parseConfigText('# nothing\n\n', 'e.yaml', collectorTable)).to.deep.equal({});
      expect(() => parseConfigText('# nothing\n', 'e.yaml', collectorTable, { emptyFile: 'refuse' })).to.throw(
        ConfigError,
        /^e\.yaml: the file is empty \(write \{\} for the built-in defaults\)$/,
      );
      expect(parseConfigText('{}\n', 'e.yaml', collectorTable, { emptyFile: 'refuse' })).to.deep.equal({});
    });

    it('names a missing --config file', () => {
      expect(configError(['--config', path.join(dir, 'nope.yaml')])).to.match(/nope\.yaml: no such file$/);
    });

    it('refuses both deviceInclude and deviceExclude', () => {
      const file = write('both.yaml', 'collectors:\n  diskstats:\n    deviceInclude: "^sd"\n    deviceExclude: "^loop"\n');
      expect(configError(['--config', file])).to.equal('collectors.diskstats: deviceInclude and deviceExclude are mutually exclusive');
    });

    it('exits with status 2 and one line on stderr, no stack trace', () => {
      const file = write('bad.yaml', 'collectors:\n  diskstats:\n    interval: 15 seconds\n');
      const result = runExporter(['--config', file, '--once']);
      expect(result.status).to.equal(2);
      expect(result.stdout).to.equal('');
      expect(result.stderr).to.equal(`proc-exporter: ${file}: collectors.diskstats.interval: expected a duration like 15s\n`);
    });

    it('exits with status 2 for an unknown flag and for a missing procfs root', () => {
      const unknown = runExporter(['--collector.nope']);
      expect(unknown.status).to.equal(2);
      expect(unknown.stderr).to.equal("proc-exporter: unknown option '--collector.nope'\n");
      const missing = runExporter(['--once', '--path.procfs', path.join(dir, 'no-proc')]);
      expect(missing.status).to.equal(2);
      expect(missing.stderr).to.equal(`proc-exporter: procfs root ${path.join(dir, 'no-proc')}: no such directory\n`);
    });
  });

  describe('flags override the file', () => {
    it('--web.listen-address, --web.telemetry-path, --path.procfs, --log.*', () => {
      const config = loadConfig([
        '--web.listen-address=127.0.0.1:9999',
        '--web.telemetry-path',
        '/m',
        '--path.procfs',
        '/host/proc',
        '--log.level',
        'debug',
        '--log.format',
        'logfmt',
      ]);
      expect(config.listen).to.deep.equal({ host: '127.0.0.1', port: 9999 });
      expect(config.telemetryPath).to.equal('/m');
      expect(config.procfs).to.equal('/host/proc');
      expect(config.log).to.deep.equal({ level: 'debug', format: 'logfmt' });
    });

    it('--path.sysfs and --path.rootfs (default /sys and /), over the sysfs and rootfs keys', () => {
      const defaults = loadConfig(['--config', write('roots.yaml', '')]);
      expect([defaults.sysfs, defaults.rootfs]).to.deep.equal(['/sys', '/']);
      const fromFile = loadConfig(['--config', write('roots2.yaml', 'sysfs: /host/sys\nrootfs: /host/root\n')]);
      expect([fromFile.sysfs, fromFile.rootfs]).to.deep.equal(['/host/sys', '/host/root']);
      const fromFlags = loadConfig(['--config', write('roots3.yaml', 'sysfs: /host/sys\n'), '--path.sysfs', '/s', '--path.rootfs=/r']);
      expect([fromFlags.sysfs, fromFlags.rootfs]).to.deep.equal(['/s', '/r']);
      expect(() => loadConfig(['--config', write('roots4.yaml', 'sysfs: ""\n')])).to.throw(ConfigError, 'sysfs: must not be empty');
    });

    it('--no-collector.<name> and --collector.<name>', () => {
      const config = loadConfig(['--config', write('e.yaml', ''), '--no-collector.diskstats', '--collector.softirqs']);
      expect(config.collectors.filter((c) => c.enabled).map((c) => c.name)).to.deep.equal(
        enabledWhere((c) => (c.defaultEnabled && c.name !== 'diskstats') || c.name === 'softirqs'),
      );
    });

    it('--collector.disable-defaults keeps only the collectors enabled by flags', () => {
      const config = loadConfig(['--collector.disable-defaults', '--collector.sockstat']);
      expect(config.collectors.filter((c) => c.enabled).map((c) => c.name)).to.deep.equal(['sockstat']);
    });

    it('--collector.diskstats.device-include replaces the default exclude list; --collector.netstat.fields', () => {
      const config = loadConfig(['--collector.diskstats.device-include=^vd', '--collector.netstat.fields', '^Tcp_.*$']);
      expect(config.collectors.find((c) => c.name === 'diskstats')!.options).to.deep.equal({ deviceExclude: '', deviceInclude: '^vd' });
      expect(config.collectors.find((c) => c.name === 'netstat')!.options).to.deep.equal({ fields: '^Tcp_.*$' });
    });

    it("accepts node_exporter's dotted option flags (--collector.cpu.info.flags-include) as ours", () => {
      const config = loadConfig([
        '--config',
        write('dots.yaml', ''),
        '--collector.cpu.info.flags-include=^(aes|avx)$',
        '--collector.cpu.info.bugs-include',
        '^spectre',
      ]);
      const cpu = config.collectors.find((c) => c.name === 'cpu')!;
      expect(cpu.options.infoFlagsInclude).to.equal('^(aes|avx)$');
      expect(cpu.options.infoBugsInclude).to.equal('^spectre');
      expect(configError(['--collector.cpu.info.nosuch=1'])).to.equal("unknown option '--collector.cpu.info.nosuch=1'");
    });

    it('--web.disable-exporter-metrics', () => {
      expect(loadConfig(['--config', write('x.yaml', '')]).disableExporterMetrics).to.equal(false);
      expect(loadConfig(['--config', write('x.yaml', ''), '--web.disable-exporter-metrics']).disableExporterMetrics).to.equal(true);
    });

    it("--collector.sysctl.include and include-info are repeatable, as node_exporter's, and replace the file's lists", () => {
      const sysctl = (argv: string[]) => loadConfig(argv).collectors.find((c) => c.name === 'sysctl')!.options;
      expect(sysctl(['--config', write('s0.yaml', '')])).to.deep.equal({ include: [], includeInfo: [] });
      const file = write('s1.yaml', 'collectors:\n  sysctl:\n    include: [vm.swappiness, "net.ipv4.tcp_rmem:min,default,max"]\n');
      expect(sysctl(['--config', file])).to.deep.equal({
        include: ['vm.swappiness', 'net.ipv4.tcp_rmem:min,default,max'],
        includeInfo: [],
      });
      const flags = [
        '--collector.sysctl.include',
        'kernel.pid_max',
        '--collector.sysctl.include=fs.file-nr',
        '--collector.sysctl.include-info=kernel.osrelease',
      ];
      expect(sysctl(['--config', file, ...flags])).to.deep.equal({
        include: ['kernel.pid_max', 'fs.file-nr'],
        includeInfo: ['kernel.osrelease'],
      });
    });

    it('duration options: written like 5s in the file or a flag, given to the collector in milliseconds', () => {
      const filesystem = (c: ReturnType<typeof loadConfig>) => c.collectors.find((s) => s.name === 'filesystem')!.options;
      expect(filesystem(loadConfig(['--config', '/dev/null'])).mountTimeout).to.equal(5000);
      expect(filesystem(loadConfig(['--collector.filesystem.mount-timeout', '1m30s'])).mountTimeout).to.equal(90_000);
      const file = path.join(os.tmpdir(), `duration-${process.pid}.yaml`);
      fs.writeFileSync(file, 'collectors:\n  filesystem:\n    mountTimeout: 250ms\n');
      try {
        expect(filesystem(loadConfig(['--config', file])).mountTimeout).to.equal(250);
      } finally {
        fs.rmSync(file);
      }
      expect(configError(['--collector.filesystem.mount-timeout', 'soon'])).to.equal(
        '--collector.filesystem.mount-timeout: expected a duration like 5s',
      );
      expect(messageOf('collectors:\n  filesystem:\n    mountTimeout: 5\n')).to.include('collectors.filesystem.mountTimeout');
    });

    it('names the flag in its errors', () => {
      expect(configError(['--web.listen-address', 'nowhere'])).to.equal(
        '--web.listen-address: expected an address like :19100 or 127.0.0.1:19100, got "nowhere"',
      );
      expect(configError(['--collector.netstat.fields', '(['])).to.match(/^--collector\.netstat\.fields: invalid regular expression: /);
      expect(configError(['--log.format', 'xml'])).to.include("option '--log.format <format>' argument 'xml' is invalid");
    });
  });

  describe('--help', () => {
    const help = runExporter(['--help']);
    /** The help line of a flag (commander prints each on one line, the description after the flag column). */
    const lineOf = (flag: string): string => {
      const line = help.stdout.split('\n').find((l) => new RegExp(`^  ${flag.replace(/[.[\]]/g, '\\$&')}( |$)`).test(l));
      expect(line, flag).to.be.a('string');
      return line!;
    };

    it('exits 0 with every collector in name order, each with its own flags after it', () => {
      expect(help.status).to.equal(0);
      const order = [...help.stdout.matchAll(/^ {2}--collector\.([a-z0-9_]+) +enable the \1 collector/gm)].map((m) => m[1]);
      expect(order).to.deep.equal(Object.keys(collectorTable).sort());
      const flagCollectors = [...help.stdout.matchAll(/^ {2}--(?:no-)?collector\.([a-z0-9_]+)[ .]/gm)].map((m) => m[1]);
      expect(flagCollectors.filter((name, i) => name !== flagCollectors[i - 1])).to.deep.equal(order);
    });

    it('shows every default: collector states, option values, regexps whole, none when empty', () => {
      for (const [name, definition] of Object.entries(collectorTable)) {
        expect(lineOf(`--collector.${name}`)).to.match(new RegExp(`\\(default: ${definition.defaultEnabled ? 'enabled' : 'disabled'}\\)$`));
        for (const [option, spec] of Object.entries(definition.options ?? {})) {
          expect(lineOf(optionFlag(name, option))).to.include(`(default: ${defaultText(spec)}`);
        }
      }
      expect(lineOf('--collector.diskstats.device-exclude')).to.include('(default: ^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$;');
      expect(lineOf('--collector.netstat.fields')).to.include(`(default: ${collectorTable.netstat.options!.fields.default as string})`);
      expect(lineOf('--collector.cpu.guest')).to.include('(default: true)');
      expect(lineOf('--collector.arp.device-include')).to.include('(default: none;');
      expect(lineOf('--log.format')).to.include('(default: logfmt)');
      expect(lineOf('--web.listen-address')).to.include('(default: :19100)');
    });

    it('says what load.ts does with an include and an exclude: both flags are an error, an include drops the exclude default', () => {
      // Not "ignored when … is set": both are an error (a flag named ignored-devices is node_exporter's own).
      expect(help.stdout).to.not.match(/ignored (when|if)/i);
      expect(lineOf('--collector.diskstats.device-include')).to.match(
        /giving it with --collector\.diskstats\.device-exclude is an error; when given, the exclude default does not apply\)$/,
      );
      expect(lineOf('--collector.diskstats.device-exclude')).to.match(
        /giving it with --collector\.diskstats\.device-include is an error\)$/,
      );
      // The error the help promises.
      expect(configError(['--collector.diskstats.device-include=^sd', '--collector.diskstats.device-exclude=^loop'])).to.equal(
        '--collector.diskstats.device-include: deviceInclude and deviceExclude are mutually exclusive',
      );
      // An exclude without a default: no promise about replacing it.
      expect(lineOf('--collector.netdev.device-include')).to.match(/giving it with --collector\.netdev\.device-exclude is an error\)$/);
    });
  });
});
