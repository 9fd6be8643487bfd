/**
 * Configuration: config.yaml (the repository's file is the embedded default
 * and the documented example), validated against a JSON Schema (ajv) built
 * from the collector table, then node_exporter-style flags (commander) on top.
 *
 * Every problem is a ConfigError whose message names the key (or the flag)
 * and the problem in one line: `collectors.diskstats.interval: expected a
 * duration like 15s`. main.ts prints it and exits with status 2.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { Command, CommanderError, Option } from 'commander';
import * as path from 'path';
import { LineCounter, parseDocument } from 'yaml';
import { collectors as collectorTable } from '../../collectors/index';
import { describeReadError, pathExists, readWholeFile } from '../procfs';
import { DEFAULT_ROOTS, type CollectorDefinition, type OptionValues } from '../collector';
import { resolveMappings } from './mappings';
import { resolveProcessGroups } from './process-groups';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Thrown for --help / --version: the text was printed, exit 0. */
export class EarlyExit extends Error {
  override readonly name = 'EarlyExit';
}

export interface CollectorSettings {
  name: string;
  definition: CollectorDefinition;
  enabled: boolean;
  intervalMs: number;
  timeoutMs: number;
  options: OptionValues;
}

export interface DumpSettings {
  enabled: boolean;
  /** Per-process files (pid/*) may be dumped. */
  perProcess: boolean;
  /** pid/environ of processes other than the exporter itself may be dumped (needs perProcess too). */
  environOfOtherProcesses: boolean;
  /** Largest file read and largest response sent, in bytes; beyond it 413. */
  maxBytes: number;
  /** A dump taking longer answers 503. */
  timeoutMs: number;
}

export interface ExporterConfig {
  /** The file read, or undefined when none was (built-in defaults only). */
  configFile?: string;
  listenAddress: string;
  listen: { host?: string; port: number };
  telemetryPath: string;
  procfs: string;
  /** `--path.sysfs`: the sysfs tree collectors read (default /sys). */
  sysfs: string;
  /** `--path.rootfs`: the root filesystem collectors read (default /). */
  rootfs: string;
  intervalMs: number;
  log: { level: 'debug' | 'info' | 'warn' | 'error'; format: 'json' | 'logfmt' };
  collectors: CollectorSettings[];
  dump: DumpSettings;
  /** `--web.config.file` (exporter-toolkit's format: TLS, basic auth, headers); undefined: plain HTTP, no auth. */
  webConfigFile?: string;
  /** Concurrent requests served at most (`--web.max-requests`); beyond it 503. 0: no limit. */
  maxRequests: number;
  once: boolean;
}

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

// ---- durations and addresses ------------------------------------------------------------

const DURATION = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds of a Prometheus-style duration (`15s`, `1m30s`, `500ms`); undefined if invalid or zero. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === '') return undefined;
  const [h, min, s, ms] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const total = ((h * 60 + min) * 60 + s) * 1000 + ms;
  return total > 0 ? total : undefined;
}

const ADDRESS = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]*)):(\d{1,5})$/;

export function parseListenAddress(text: string): { host?: string; port: number } | undefined {
  const m = ADDRESS.exec(text);
  if (!m) return undefined;
  const port = Number(m[3]);
  if (port > 65535) return undefined;
  const host = m[1] ?? m[2];
  return { host: host === '' ? undefined : host, port };
}

function isRegex(text: string): string | undefined {
  try {
    new RegExp(text);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

// ---- schema ------------------------------------------------------------------------------

const durationSchema = { type: 'string', format: 'duration' };

function optionSchema(type: string): object {
  if (type === 'number') return { type: 'number' };
  if (type === 'boolean') return { type: 'boolean' };
  if (type === 'list') return { type: 'array', items: { type: 'string' } };
  return { type: 'string' };
}

function collectorSchema(definition: CollectorDefinition): object {
  const properties: Record<string, object> = { enabled: { type: 'boolean' }, interval: durationSchema, timeout: durationSchema };
  for (const [name, spec] of Object.entries(definition.options ?? {})) properties[name] = optionSchema(spec.type);
  return { type: ['object', 'null'], additionalProperties: false, properties };
}

export function configSchema(table: Record<string, CollectorDefinition> = collectorTable): object {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      web: {
        type: 'object',
        additionalProperties: false,
        properties: {
          listenAddress: { type: 'string', format: 'listen-address' },
          telemetryPath: { type: 'string', pattern: '^/' },
          configFile: { type: 'string', minLength: 1 },
          maxRequests: { type: 'integer', minimum: 0 },
        },
      },
      procfs: { type: 'string', minLength: 1 },
      sysfs: { type: 'string', minLength: 1 },
      rootfs: { type: 'string', minLength: 1 },
      interval: durationSchema,
      log: {
        type: 'object',
        additionalProperties: false,
        properties: { level: { enum: ['debug', 'info', 'warn', 'error'] }, format: { enum: ['json', 'logfmt'] } },
      },
      collectors: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(Object.entries(table).map(([name, def]) => [name, collectorSchema(def)])),
      },
      // Entries are validated by mappings.ts / process-groups.ts (messages name the entry).
      mappings: { type: ['array', 'null'] },
      process_groups: {},
      dump: {
        type: 'object',
        additionalProperties: false,
        properties: {
          enabled: { type: 'boolean' },
          perProcess: { type: 'boolean' },
          environOfOtherProcesses: { type: 'boolean' },
          maxBytes: { type: 'integer', minimum: 1 },
          timeout: durationSchema,
        },
      },
    },
  };
}

const ajv = new Ajv({ allErrors: true, strict: true });
ajv.addFormat('duration', { type: 'string', validate: (s: string) => parseDuration(s) !== undefined });
ajv.addFormat('listen-address', { type: 'string', validate: (s: string) => parseListenAddress(s) !== undefined });
const validate = ajv.compile(configSchema());

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  number: 'a number',
  array: 'a list of strings',
  object: 'a mapping',
  'object,null': 'a mapping',
  'array,null': 'a list',
};

function keyOf(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function describe(error: ErrorObject): string {
  const key = keyOf(error.instancePath);
  const at = (k: string): string => (k === '' ? '(top level)' : k);
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const full = key === '' ? extra : `${key}.${extra}`;
      if (key === 'collectors') return `${full}: unknown collector (known: ${Object.keys(collectorTable).join(', ')})`;
      return `${full}: unknown key`;
    }
    case 'type': {
      const t = (error.params as { type: string | string[] }).type;
      return `${at(key)}: expected ${TYPE_WORDS[String(t)] ?? String(t)}`;
    }
    case 'format': {
      const f = (error.params as { format: string }).format;
      if (f === 'duration') return `${key}: expected a duration like 15s`;
      if (f === 'listen-address') return `${key}: expected an address like :19100 or 127.0.0.1:19100`;
      return `${key}: invalid ${f}`;
    }
    case 'enum':
      return `${key}: expected one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'pattern':
      return `${key}: expected a path starting with /`;
    case 'minLength':
      return `${key}: must not be empty`;
    default:
      return `${at(key)}: ${error.message ?? 'invalid'}`;
  }
}

/** Validates a parsed config document; returns one message per problem. */
export function validateConfig(document: unknown): string[] {
  if (document === null || document === undefined) return [];
  if (validate(document)) return regexProblems(document as RawConfig);
  const seen = new Set<string>();
  const messages: string[] = [];
  for (const error of validate.errors ?? []) {
    // `type: ['object','null']` and friends can report the same key twice.
    const message = describe(error);
    if (!seen.has(message)) {
      seen.add(message);
      messages.push(message);
    }
  }
  return messages;
}

function regexProblems(raw: RawConfig): string[] {
  const problems: string[] = [];
  for (const [name, settings] of Object.entries(raw.collectors ?? {})) {
    const definition = (collectorTable as Record<string, CollectorDefinition>)[name];
    for (const [option, spec] of Object.entries(definition.options ?? {})) {
      const value = settings?.[option];
      if (spec.type === 'regex' && typeof value === 'string') {
        const problem = isRegex(value);
        if (problem !== undefined) problems.push(`collectors.${name}.${option}: invalid regular expression: ${problem}`);
      }
    }
  }
  return problems;
}

// ---- the raw document ---------------------------------------------------------------------

interface RawConfig {
  web?: { listenAddress?: string; telemetryPath?: string; configFile?: string; maxRequests?: number };
  procfs?: string;
  sysfs?: string;
  rootfs?: string;
  interval?: string;
  log?: { level?: ExporterConfig['log']['level']; format?: ExporterConfig['log']['format'] };
  collectors?: Record<string, Record<string, unknown> | null>;
  mappings?: unknown;
  process_groups?: unknown;
  dump?: { enabled?: boolean; perProcess?: boolean; environOfOtherProcesses?: boolean; maxBytes?: number; timeout?: string };
}

export const DEFAULTS = {
  listenAddress: ':19100',
  telemetryPath: '/metrics',
  procfs: DEFAULT_ROOTS.procfs,
  sysfs: DEFAULT_ROOTS.sysfs,
  rootfs: DEFAULT_ROOTS.rootfs,
  interval: '5s',
  log: { level: 'info', format: 'json' },
  dump: { enabled: true, perProcess: false, environOfOtherProcesses: false, maxBytes: 16 * 1024 * 1024, timeout: '10s' },
  maxRequests: 40,
} as const;

/** Parses YAML text into a raw document; a syntax error becomes one line. */
export function parseConfigText(text: string, file: string): RawConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    const where = `line ${pos.line}, column ${pos.col}: `;
    throw new ConfigError(`${file}: ${where}${e.message.split('\n')[0]}`);
  }
  const value = doc.toJS() as unknown;
  if (value === null || value === undefined) return {};
  const problems = validateConfig(value);
  if (problems.length > 0) throw new ConfigError(`${file}: ${problems.join('; ')}`);
  return value as RawConfig;
}

export function loadConfigFile(file: string): RawConfig {
  let text: string;
  try {
    text = readWholeFile(file);
  } catch (error) {
    throw new ConfigError(`${file}: ${describeReadError(error)}`);
  }
  return parseConfigText(text, file);
}

// ---- flags --------------------------------------------------------------------------------

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The flag that sets a collector option: `--collector.diskstats.device-exclude`. */
export function optionFlag(collector: string, option: string): string {
  return `--collector.${collector}.${kebab(option)}`;
}

export function buildProgram(): Command {
  const program = new Command('proc-exporter')
    .description('Prometheus exporter for /proc, compatible with node_exporter. Flags override config.yaml.')
    .option('--config <file>', `configuration file (default: ${DEFAULT_CONFIG_FILE})`)
    .option('--web.listen-address <address>', `address to listen on (default: ${DEFAULTS.listenAddress})`)
    .option('--web.telemetry-path <path>', `path under which to expose metrics (default: ${DEFAULTS.telemetryPath})`)
    .option('--web.config.file <file>', 'web configuration file (exporter-toolkit format): TLS, client certificates, basic auth, headers')
    .option('--web.max-requests <n>', `maximum number of requests served at once, 0 for no limit; beyond it 503 (default: ${DEFAULTS.maxRequests})`)
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
  for (const [name, def] of Object.entries(collectorTable as Record<string, CollectorDefinition>)) {
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

function readVersion(): string {
  try {
    return (JSON.parse(readWholeFile(path.join(PROJECT_ROOT, 'package.json'))) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function flagValue(program: Command, flag: string): unknown {
  const option = program.options.find((o) => o.long === flag);
  return option ? program.getOptionValue(option.attributeName()) : undefined;
}

/**
 * The configuration for a command line: the file (`--config`, else the
 * repository's config.yaml when present), then the flags on top.
 */
export function loadConfig(argv: readonly string[]): ExporterConfig {
  const program = buildProgram();
  try {
    program.parse(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) throw new EarlyExit(error.message);
      throw new ConfigError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  const opts = program.opts();
  const explicitFile = opts.config as string | undefined;
  const file = explicitFile ?? (pathExists(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  const raw: RawConfig = file === undefined ? {} : loadConfigFile(file);
  return resolveConfig(raw, program, file);
}

function resolveConfig(raw: RawConfig, program: Command, file: string | undefined): ExporterConfig {
  const flag = (f: string): unknown => flagValue(program, f);
  const listenAddress = (flag('--web.listen-address') as string | undefined) ?? raw.web?.listenAddress ?? DEFAULTS.listenAddress;
  const listen = parseListenAddress(listenAddress);
  if (!listen) throw new ConfigError(`--web.listen-address: expected an address like :19100 or 127.0.0.1:19100, got ${JSON.stringify(listenAddress)}`);
  const telemetryPath = (flag('--web.telemetry-path') as string | undefined) ?? raw.web?.telemetryPath ?? DEFAULTS.telemetryPath;
  if (!telemetryPath.startsWith('/')) throw new ConfigError(`--web.telemetry-path: expected a path starting with /`);
  if (['/', '/healthz', '/dump'].includes(telemetryPath) || telemetryPath.startsWith('/dump/')) {
    throw new ConfigError(`web.telemetryPath: ${telemetryPath} is taken by another endpoint`);
  }
  const procfs = path.resolve((flag('--path.procfs') as string | undefined) ?? raw.procfs ?? DEFAULTS.procfs);
  const sysfs = path.resolve((flag('--path.sysfs') as string | undefined) ?? raw.sysfs ?? DEFAULTS.sysfs);
  const rootfs = path.resolve((flag('--path.rootfs') as string | undefined) ?? raw.rootfs ?? DEFAULTS.rootfs);
  const intervalMs = parseDuration(raw.interval ?? DEFAULTS.interval)!;
  const webConfigFile = (flag('--web.config.file') as string | undefined) ?? raw.web?.configFile;
  const maxRequestsFlag = flag('--web.max-requests') as string | undefined;
  if (maxRequestsFlag !== undefined && !/^\d{1,9}$/.test(maxRequestsFlag)) throw new ConfigError('--web.max-requests: expected a whole number (0 for no limit)');
  const maxRequests = maxRequestsFlag !== undefined ? Number(maxRequestsFlag) : raw.web?.maxRequests ?? DEFAULTS.maxRequests;
  const disableDefaults = flag('--collector.disable-defaults') === true;

  const collectors: CollectorSettings[] = [];
  for (const [name, definition] of Object.entries(collectorTable as Record<string, CollectorDefinition>)) {
    const fileSettings = raw.collectors?.[name] ?? {};
    const enabledFlag = flag(`--collector.${name}`) as boolean | undefined;
    const fileEnabled = fileSettings.enabled as boolean | undefined;
    const enabled = enabledFlag ?? (disableDefaults ? false : fileEnabled ?? definition.defaultEnabled);
    const interval = fileSettings.interval === undefined ? intervalMs : parseDuration(fileSettings.interval as string)!;
    const timeout = fileSettings.timeout === undefined ? interval : parseDuration(fileSettings.timeout as string)!;
    const options: OptionValues = {};
    /** Where each option's value came from: 1 the file, 2 a flag. */
    const given = new Map<string, number>();
    for (const [option, spec] of Object.entries(definition.options ?? {})) {
      if (spec.type === 'list') {
        // The flag's values replace the file's (a flag wins, as for every option).
        const fromFlags = flag(optionFlag(name, option)) as string[] | undefined;
        options[option] = fromFlags ?? (fileSettings[option] as string[] | undefined) ?? spec.default ?? [];
        continue;
      }
      const rawFlag = flag(optionFlag(name, option)) as string | true | undefined;
      const fromFlag = rawFlag === true ? 'true' : rawFlag;
      let value = spec.default as string | number | boolean | undefined;
      if (fileSettings[option] !== undefined) {
        value = fileSettings[option] as string | number | boolean;
        given.set(option, 1);
      }
      if (fromFlag !== undefined) {
        given.set(option, 2);
        if (spec.type === 'number') {
          value = Number(fromFlag);
          if (!Number.isFinite(value)) throw new ConfigError(`${optionFlag(name, option)}: expected a number`);
        } else if (spec.type === 'boolean') {
          if (fromFlag !== 'true' && fromFlag !== 'false') throw new ConfigError(`${optionFlag(name, option)}: expected true or false`);
          value = fromFlag === 'true';
        } else {
          value = fromFlag;
        }
        if (spec.type === 'regex') {
          const problem = isRegex(fromFlag);
          if (problem !== undefined) throw new ConfigError(`${optionFlag(name, option)}: invalid regular expression: ${problem}`);
        }
      }
      options[option] = value;
    }
    // node_exporter: an include list replaces the default exclude list; giving both in the same
    // place (both in the file, or both as flags) is an error; a flag wins over the file.
    for (const [option, spec] of Object.entries(definition.options ?? {})) {
      if (spec.type !== 'regex' || !option.endsWith('Include')) continue;
      const exclude = option.replace(/Include$/, 'Exclude');
      if (!(exclude in options) || typeof options[option] !== 'string' || options[option] === '') continue;
      const includeFrom = given.get(option) ?? 0;
      const excludeFrom = options[exclude] === '' ? 0 : given.get(exclude) ?? 0;
      // Neither given: both defaults apply together, as node_exporter's do.
      if (includeFrom === 0 && excludeFrom === 0) continue;
      if (excludeFrom === includeFrom) {
        const where = includeFrom === 2 ? `${optionFlag(name, option)}` : `collectors.${name}`;
        throw new ConfigError(`${where}: ${option} and ${exclude} are mutually exclusive`);
      }
      if (excludeFrom > includeFrom) options[option] = '';
      else options[exclude] = '';
    }
    collectors.push({ name, definition, enabled, intervalMs: interval, timeoutMs: timeout, options });
  }
  // Config-driven mappings and process groups: more collectors, scheduled and mapped like the built-in ones.
  const context = { procfs, intervalMs, parseDuration };
  const mapped = resolveMappings(raw.mappings, context);
  const grouped = resolveProcessGroups(raw.process_groups, context);
  const extraProblems = [...mapped.problems, ...grouped.problems];
  if (extraProblems.length > 0) throw new ConfigError(`${file ?? 'config'}: ${extraProblems.join('; ')}`);
  collectors.push(...mapped.settings, ...grouped.settings);

  return {
    configFile: file,
    listenAddress,
    listen,
    telemetryPath,
    procfs,
    sysfs,
    rootfs,
    intervalMs,
    log: {
      level: (flag('--log.level') as ExporterConfig['log']['level'] | undefined) ?? raw.log?.level ?? DEFAULTS.log.level,
      format: (flag('--log.format') as ExporterConfig['log']['format'] | undefined) ?? raw.log?.format ?? DEFAULTS.log.format,
    },
    collectors,
    dump: {
      enabled: raw.dump?.enabled ?? DEFAULTS.dump.enabled,
      perProcess: raw.dump?.perProcess ?? DEFAULTS.dump.perProcess,
      environOfOtherProcesses: raw.dump?.environOfOtherProcesses ?? DEFAULTS.dump.environOfOtherProcesses,
      maxBytes: raw.dump?.maxBytes ?? DEFAULTS.dump.maxBytes,
      timeoutMs: parseDuration(raw.dump?.timeout ?? DEFAULTS.dump.timeout)!,
    },
    webConfigFile: webConfigFile === undefined ? undefined : path.resolve(file === undefined || flag('--web.config.file') !== undefined ? '.' : path.dirname(file), webConfigFile),
    maxRequests,
    once: flag('--once') === true,
  };
}
