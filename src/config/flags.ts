/**
 * The command line: node_exporter-style flags (commander), one per setting
 * of config.yaml that node_exporter has a flag for, and per collector
 * `--collector.<name>`, `--no-collector.<name>` and one flag per option.
 */
import { Command, CommanderError, Option } from 'commander';
import * as path from 'path';
import { DEFAULT_ROOTS, type CollectorTable, type OptionSpec } from '../collector';
import { pathExists } from '../procfs';
import { versionText } from '../version';

function findProjectRoot(start: string): string {
  let dir = start;
  while (!pathExists(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
/** The repository's config.yaml: used when --config is not given. */
export const DEFAULT_CONFIG_FILE = path.join(PROJECT_ROOT, 'config.yaml');

export const DEFAULTS = {
  listenAddress: ':19100',
  telemetryPath: '/metrics',
  ...DEFAULT_ROOTS,
  interval: '15s',
  log: { level: 'info', format: 'logfmt' },
  dump: { enabled: true, perProcess: false, environOfOtherProcesses: false, maxBytes: 16 * 1024 * 1024, timeout: '10s' },
  maxRequests: 40,
} as const;

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The flag that sets a collector option: `--collector.diskstats.device-exclude`. */
export function optionFlag(collector: string, option: string): string {
  return `--collector.${collector}.${kebab(option)}`;
}

/** An option's default as --help shows it: the value itself (a regexp whole), `none` when empty. */
export function defaultText(spec: OptionSpec): string {
  const value = spec.default;
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return 'none';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * What --help says of an include/exclude pair (as load.ts applies them): giving
 * both flags is an error, and an include replaces the exclude's default.
 */
function pairNote(collector: string, option: string, options: Readonly<Record<string, OptionSpec>>): string {
  const other = option.endsWith('Include') ? option.replace(/Include$/, 'Exclude') : option.replace(/Exclude$/, 'Include');
  if (other === option || options[option].type !== 'regex' || options[other]?.type !== 'regex') return '';
  const given = `; giving it with ${optionFlag(collector, other)} is an error`;
  const replaces = option.endsWith('Include') && defaultText(options[other]) !== 'none';
  return replaces ? `${given}; when given, the exclude default does not apply` : given;
}

export function buildProgram(table: CollectorTable): Command {
  const program = new Command('proc-exporter')
    .description(
      'Prometheus exporter for /proc, compatible with node_exporter. The defaults shown are the built-in ones: the configuration ' +
        `file (--config; without it ${DEFAULT_CONFIG_FILE}) may change them, and a flag wins over the file.`,
    )
    .option('--config <file>', `configuration file (default: ${DEFAULT_CONFIG_FILE} when present, else none)`)
    .option('--web.listen-address <address>', `address to listen on (default: ${DEFAULTS.listenAddress})`)
    .option('--web.telemetry-path <path>', `path under which to expose metrics (default: ${DEFAULTS.telemetryPath})`)
    .option(
      '--web.config.file <file>',
      'web configuration file (exporter-toolkit format): TLS, client certificates, basic auth, headers (default: none, plain HTTP)',
    )
    .option(
      '--web.max-requests <n>',
      `maximum number of requests served at once, 0 for no limit; beyond it 503 (default: ${DEFAULTS.maxRequests})`,
    )
    .option('--web.disable-exporter-metrics', "exclude the exporter's own metrics (process_*, nodejs_*) from /metrics")
    .option('--path.procfs <path>', `procfs mountpoint (default: ${DEFAULTS.procfs})`)
    .option('--path.sysfs <path>', `sysfs mountpoint (default: ${DEFAULTS.sysfs})`)
    .option('--path.rootfs <path>', `rootfs mountpoint (default: ${DEFAULTS.rootfs})`)
    .option('--collector.disable-defaults', 'disable every collector not enabled by a --collector.<name> flag')
    .option('--config.process-exporter <file>', "process-exporter's config file (process_names:), read as it is, with its metric names")
    .addOption(
      new Option(
        '--process-groups.names <names>',
        'metric names of the process groups (default: process-exporter with --config.process-exporter, else procfs)',
      ).choices(['procfs', 'process-exporter']),
    )
    .option('--process-groups.children [value]', "a process no group matches joins its parent's group (default: true)")
    .option('--process-groups.threads [value]', 'per-thread-name metrics of the process groups (default: true)')
    .option('--process-groups.gather-smaps [value]', 'proportional memory (smaps_rollup) of the process groups (default: true)')
    .option('--process-groups.recheck [value]', 'match the processes no group took again on every walk (default: false)')
    .option('--process-groups.remove-empty-groups [value]', 'drop a group and its counters when its last process has gone (default: false)')
    .option('--process-groups.max-series <n>', 'more series than this fails the process_groups collector (default: 50000)')
    .addOption(
      new Option('--log.level <level>', `only log messages with this severity or above (default: ${DEFAULTS.log.level})`).choices([
        'debug',
        'info',
        'warn',
        'error',
      ]),
    )
    .addOption(new Option('--log.format <format>', `log format (default: ${DEFAULTS.log.format})`).choices(['json', 'logfmt']))
    .option('--once', 'collect every enabled collector once, print the exposition text on standard output, exit')
    .option('--version', 'print the version, git branch and revision, build user and date, Node version and platform, and exit')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (s) => process.stdout.write(s) })
    .allowExcessArguments(false)
    // Printed when met, as commander's own --version (the build information is looked up only then).
    .on('option:version', () => {
      process.stdout.write(`${versionText('proc-exporter')}\n`);
      throw new CommanderError(0, 'commander.version', 'version printed');
    });
  // By collector name: each collector's flags together, in an order a reader can search.
  for (const name of Object.keys(table).sort()) {
    const def = table[name];
    program.option(`--collector.${name}`, `enable the ${name} collector (default: ${def.defaultEnabled ? 'enabled' : 'disabled'})`);
    program.option(`--no-collector.${name}`, `disable the ${name} collector`);
    const options = def.options ?? {};
    for (const [option, spec] of Object.entries(options)) {
      const help = `${spec.description} (default: ${defaultText(spec)}${pairNote(name, option, options)})`;
      if (spec.type === 'list') {
        // Repeatable, as node_exporter's Strings() flags: every occurrence adds one value.
        const add = (v: string, previous: string[] | undefined): string[] => [...(previous ?? []), v];
        program.option(`${optionFlag(name, option)} <value>`, `${help}, repeatable`, add);
        continue;
      }
      // A boolean option is also a bare flag (--collector.stat.softirq), as node_exporter's.
      program.option(`${optionFlag(name, option)} ${spec.type === 'boolean' ? '[value]' : '<value>'}`, help);
    }
  }
  return program;
}

/**
 * node_exporter's spellings of option flags, as ours: a dot inside the option
 * part is a dash (`--collector.cpu.info.flags-include` is
 * `--collector.cpu.info-flags-include`). Arguments that name no option of a
 * known collector are left as given, for commander to report.
 */
export function normalizeFlags(argv: readonly string[], program: Command): string[] {
  const known = new Set(program.options.map((o) => o.long));
  return argv.map((arg) => {
    const m = /^(--collector\.[a-z0-9_]+\.)([^=]+\.[^=]*)(=.*)?$/s.exec(arg);
    if (!m) return arg;
    const flag = `${m[1]}${m[2].replace(/\./g, '-')}`;
    return known.has(flag) && !known.has(`${m[1]}${m[2]}`) ? `${flag}${m[3] ?? ''}` : arg;
  });
}

export function flagValue(program: Command, flag: string): unknown {
  const option = program.options.find((o) => o.long === flag);
  return option ? program.getOptionValue(option.attributeName()) : undefined;
}
