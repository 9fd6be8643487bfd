/**
 * The command line: node_exporter-style flags (commander), one per setting
 * of config.yaml that node_exporter has a flag for, and per collector
 * `--collector.<name>`, `--no-collector.<name>` and one flag per option.
 */
import { Command, Option } from 'commander';
import * as path from 'path';
import { DEFAULT_ROOTS, type CollectorTable } from '../collector';
import { pathExists, readWholeFile } from '../procfs';

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
  log: { level: 'info', format: 'json' },
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

function readVersion(): string {
  try {
    return (JSON.parse(readWholeFile(path.join(PROJECT_ROOT, 'package.json'))) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function buildProgram(table: CollectorTable): Command {
  const program = new Command('proc-exporter')
    .description('Prometheus exporter for /proc, compatible with node_exporter. Flags override config.yaml.')
    .option('--config <file>', `configuration file (default: ${DEFAULT_CONFIG_FILE})`)
    .option('--web.listen-address <address>', `address to listen on (default: ${DEFAULTS.listenAddress})`)
    .option('--web.telemetry-path <path>', `path under which to expose metrics (default: ${DEFAULTS.telemetryPath})`)
    .option('--web.config.file <file>', 'web configuration file (exporter-toolkit format): TLS, client certificates, basic auth, headers')
    .option('--web.max-requests <n>', `maximum number of requests served at once, 0 for no limit; beyond it 503 (default: ${DEFAULTS.maxRequests})`)
    .option('--web.disable-exporter-metrics', "exclude the exporter's own metrics (process_*, nodejs_*) from /metrics")
    .option('--path.procfs <path>', `procfs mountpoint (default: ${DEFAULTS.procfs})`)
    .option('--path.sysfs <path>', `sysfs mountpoint (default: ${DEFAULTS.sysfs})`)
    .option('--path.rootfs <path>', `rootfs mountpoint (default: ${DEFAULTS.rootfs})`)
    .option('--collector.disable-defaults', 'disable every collector not enabled by a --collector.<name> flag')
    .addOption(new Option('--log.level <level>', 'only log messages with this severity or above').choices(['debug', 'info', 'warn', 'error']))
    .addOption(new Option('--log.format <format>', 'log format').choices(['json', 'logfmt']))
    .option('--once', 'collect every enabled collector once, print the exposition text on standard output, exit')
    .version(readVersion(), '--version', 'print the version and exit')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (s) => process.stdout.write(s) })
    .allowExcessArguments(false);
  for (const [name, def] of Object.entries(table)) {
    program.option(`--collector.${name}`, `enable the ${name} collector (default: ${def.defaultEnabled ? 'enabled' : 'disabled'})`);
    program.option(`--no-collector.${name}`, `disable the ${name} collector`);
    for (const [option, spec] of Object.entries(def.options ?? {})) {
      if (spec.type === 'list') {
        // Repeatable, as node_exporter's Strings() flags: every occurrence adds one value.
        const add = (v: string, previous: string[] | undefined): string[] => [...(previous ?? []), v];
        program.option(`${optionFlag(name, option)} <value>`, spec.description, add);
        continue;
      }
      // A boolean option is also a bare flag (--collector.stat.softirq), as node_exporter's.
      program.option(`${optionFlag(name, option)} ${spec.type === 'boolean' ? '[value]' : '<value>'}`, spec.description);
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
