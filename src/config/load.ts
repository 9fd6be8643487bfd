/**
 * Loading the configuration: config.yaml (the repository's file is the
 * embedded default and the documented example), validated by the schema,
 * then the flags on top, resolved into the settings the exporter runs.
 *
 * Precedence, as node_exporter's: a flag wins over the file, the file over
 * the collector's default. The collectors come from the catalog the entry
 * point hands over (collectors/index.ts): the configuration never imports them.
 */
import { CommanderError, type Command } from 'commander';
import * as path from 'path';
import { LineCounter, parseDocument } from 'yaml';
import {
  DEFAULT_PROCESS_GROUPS_SETTINGS,
  type CollectorCatalog,
  type CollectorDefinition,
  type CollectorTable,
  type GroupNames,
  type MappingSpec,
  type OptionSpec,
  type OptionValues,
  type ProcessGroupSpec,
  type ProcessGroupsSettings,
} from '../collector';
import { describeReadError, pathExists, readWholeFile } from '../procfs';
import { buildProgram, DEFAULT_CONFIG_FILE, DEFAULTS, flagValue, normalizeFlags, optionFlag } from './flags';
import { DEFAULT_MAX_SERIES, labelFieldsOf, mappingMetricNames, valueFieldsOf } from './keywords';
import { validateConfig, validateProcessExporterConfig } from './schema';
import { parseDuration, parseListenAddress, regexProblem } from './values';
import {
  ConfigError,
  EarlyExit,
  type CollectorSettings,
  type ExporterConfig,
  type RawConfig,
  type RawGroup,
  type RawMapping,
  type RawProcessExporterConfig,
  type RawProcessGroupsObject,
} from './types';

/** How an empty file (nothing but comments and blanks) is taken. */
export interface LoadOptions {
  /**
   * `defaults` (at start: the built-in defaults); `refuse` (a reload: a file
   * caught while being rewritten must not turn every setting back to its default).
   */
  emptyFile?: 'defaults' | 'refuse';
}

/** Parses YAML text into a raw document; a syntax error becomes one line. Undefined for an empty document. */
function parseYaml(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    throw new ConfigError(`${file}: line ${pos.line}, column ${pos.col}: ${e.message.split('\n')[0]}`);
  }
  return (doc.toJS() as unknown) ?? undefined;
}

/** Parses and validates config text; every problem in one line. */
export function parseConfigText(text: string, file: string, table: CollectorTable, options: LoadOptions = {}): RawConfig {
  const value = parseYaml(text, file);
  if (value === undefined) {
    if (options.emptyFile === 'refuse') throw new ConfigError(`${file}: the file is empty (write {} for the built-in defaults)`);
    return {};
  }
  const problems = validateConfig(value, table);
  if (problems.length > 0) throw new ConfigError(`${file}: ${problems.join('; ')}`);
  return value as RawConfig;
}

export function loadConfigFile(file: string, table: CollectorTable, options: LoadOptions = {}): RawConfig {
  let text: string;
  try {
    text = readWholeFile(file);
  } catch (error) {
    throw new ConfigError(`${file}: ${describeReadError(error)}`);
  }
  return parseConfigText(text, file, table, options);
}

/**
 * The configuration for a command line: the file (`--config`, else the
 * repository's config.yaml when present), then the flags on top.
 */
export function loadConfig(argv: readonly string[], catalog: CollectorCatalog, options: LoadOptions = {}): ExporterConfig {
  const program = buildProgram(catalog.collectors);
  try {
    program.parse(normalizeFlags(argv, program), { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) throw new EarlyExit(error.message);
      throw new ConfigError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  const explicitFile = program.opts().config as string | undefined;
  const file = explicitFile ?? (pathExists(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  const raw: RawConfig = file === undefined ? {} : loadConfigFile(file, catalog.collectors, options);
  return resolveConfig(raw, program, file, catalog);
}

/** A flag's value for an option, converted to the option's type. */
function fromFlag(flag: string, spec: OptionSpec, given: string): string | number | boolean {
  if (spec.type === 'number') {
    const value = Number(given);
    if (!Number.isFinite(value)) throw new ConfigError(`${flag}: expected a number`);
    return value;
  }
  if (spec.type === 'boolean') {
    if (given !== 'true' && given !== 'false') throw new ConfigError(`${flag}: expected true or false`);
    return given === 'true';
  }
  if (spec.type === 'regex') {
    const problem = regexProblem(given);
    if (problem !== undefined) throw new ConfigError(`${flag}: invalid regular expression: ${problem}`);
  }
  if (spec.type === 'duration' && parseDuration(given) === undefined) throw new ConfigError(`${flag}: expected a duration like 5s`);
  return given;
}

function collectorSettings(
  name: string,
  definition: CollectorDefinition,
  raw: RawConfig,
  flag: (f: string) => unknown,
  intervalMs: number,
): CollectorSettings {
  const fileSettings = raw.collectors?.[name] ?? {};
  const enabledFlag = flag(`--collector.${name}`) as boolean | undefined;
  const fileEnabled = fileSettings.enabled as boolean | undefined;
  const disableDefaults = flag('--collector.disable-defaults') === true;
  const enabled = enabledFlag ?? (disableDefaults ? false : (fileEnabled ?? definition.defaultEnabled));
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
    let value = spec.default as string | number | boolean | undefined;
    if (fileSettings[option] !== undefined) {
      value = fileSettings[option] as string | number | boolean;
      given.set(option, 1);
    }
    if (rawFlag !== undefined) {
      given.set(option, 2);
      value = fromFlag(optionFlag(name, option), spec, rawFlag === true ? 'true' : rawFlag);
    }
    // Durations reach the collector in milliseconds (the file's value was checked by the schema).
    options[option] = spec.type === 'duration' && typeof value === 'string' ? parseDuration(value) : value;
  }
  // node_exporter: an include list replaces the default exclude list; giving both in the same
  // place (both in the file, or both as flags) is an error; a flag wins over the file.
  for (const [option, spec] of Object.entries(definition.options ?? {})) {
    if (spec.type !== 'regex' || !option.endsWith('Include')) continue;
    const exclude = option.replace(/Include$/, 'Exclude');
    if (!(exclude in options) || typeof options[option] !== 'string' || options[option] === '') continue;
    const includeFrom = given.get(option) ?? 0;
    const excludeFrom = options[exclude] === '' ? 0 : (given.get(exclude) ?? 0);
    // Neither given: both defaults apply together, as node_exporter's do.
    if (includeFrom === 0 && excludeFrom === 0) continue;
    if (excludeFrom === includeFrom) {
      const where = includeFrom === 2 ? `${optionFlag(name, option)}` : `collectors.${name}`;
      throw new ConfigError(`${where}: ${option} and ${exclude} are mutually exclusive`);
    }
    if (excludeFrom > includeFrom) options[option] = '';
    else options[exclude] = '';
  }
  return { name, definition, enabled, intervalMs: interval, timeoutMs: timeout, options };
}

/** A validated `mappings:` entry as its factory takes it. */
function mappingSpec(entry: RawMapping, index: number): MappingSpec {
  const labels = labelFieldsOf(entry);
  const where = entry.where === undefined ? [] : Array.isArray(entry.where) ? entry.where : [entry.where];
  return {
    label: `mappings[${index}] (${entry.name})`,
    name: entry.name,
    handler: entry.handler,
    perProcess: entry.handler.startsWith('pid/'),
    type: entry.type ?? 'gauge',
    help: entry.help,
    values: valueFieldsOf(entry),
    valueLabel: entry.valueLabel,
    // Label names in order, as client_golang prints them.
    labels: Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    scale: entry.scale ?? 1,
    where: where.map((w) => ({ field: w.field, equals: w.equals, matches: w.matches })),
    metricNames: mappingMetricNames(entry),
    maxSeries: entry.maxSeries ?? DEFAULT_MAX_SERIES,
  };
}

/** A group as its factory takes it; without a name, process-exporter's default ({{.ExeBase}}) or ours ({{.Comm}}). */
function groupSpec(group: RawGroup, defaultName: string): ProcessGroupSpec {
  const list = (v: string | string[] | undefined): string[] | undefined => (v === undefined ? undefined : typeof v === 'string' ? [v] : v);
  return { name: group.name ?? defaultName, comm: list(group.comm), exe: list(group.exe), cmdline: list(group.cmdline) };
}

/** process-exporter's config file (`--config.process-exporter`), validated: its groups. */
export function loadProcessExporterFile(file: string): RawGroup[] {
  let text: string;
  try {
    text = readWholeFile(file);
  } catch (error) {
    throw new ConfigError(`--config.process-exporter: ${file}: ${describeReadError(error)}`);
  }
  const value = parseYaml(text, file);
  if (value === undefined) throw new ConfigError(`${file}: the file is empty (process-exporter's configuration lists process_names:)`);
  const problems = validateProcessExporterConfig(value);
  if (problems.length > 0) throw new ConfigError(`${file}: ${problems.join('; ')}`);
  return (value as RawProcessExporterConfig).process_names;
}

/** A boolean flag given bare (true), as `=true`/`=false`, or not at all (undefined). */
function booleanFlag(flag: (f: string) => unknown, name: string): boolean | undefined {
  const given = flag(name) as string | true | undefined;
  if (given === undefined) return undefined;
  if (given === true || given === 'true') return true;
  if (given === 'false') return false;
  throw new ConfigError(`${name}: expected true or false`);
}

/** The process groups' settings: a flag wins over config.yaml, config.yaml over process-exporter's defaults. */
function processGroupsSettings(
  file: RawProcessGroupsObject,
  flag: (f: string) => unknown,
  fromExporterFile: boolean,
): ProcessGroupsSettings {
  const d = DEFAULT_PROCESS_GROUPS_SETTINGS;
  const bool = (name: string, fileValue: boolean | undefined, fallback: boolean): boolean =>
    booleanFlag(flag, name) ?? fileValue ?? fallback;
  const maxSeriesFlag = flag('--process-groups.max-series') as string | undefined;
  if (maxSeriesFlag !== undefined && !/^[1-9]\d{0,8}$/.test(maxSeriesFlag)) {
    throw new ConfigError('--process-groups.max-series: expected a positive whole number');
  }
  const namesFlag = flag('--process-groups.names') as GroupNames | undefined;
  const names = namesFlag ?? file.names ?? (fromExporterFile ? 'process-exporter' : d.names);
  return {
    names,
    children: bool('--process-groups.children', file.children, d.children),
    threads: bool('--process-groups.threads', file.threads, d.threads),
    gatherSmaps: bool('--process-groups.gather-smaps', file.gatherSmaps, d.gatherSmaps),
    recheck: bool('--process-groups.recheck', file.recheck, d.recheck),
    removeEmptyGroups: bool('--process-groups.remove-empty-groups', file.removeEmptyGroups, d.removeEmptyGroups),
    maxSeries: maxSeriesFlag !== undefined ? Number(maxSeriesFlag) : (file.maxSeries ?? d.maxSeries),
  };
}

/** Config-driven mappings and process groups: more collectors, scheduled and mapped like the built-in ones. */
function configuredCollectors(
  raw: RawConfig,
  catalog: CollectorCatalog,
  intervalMs: number,
  flag: (f: string) => unknown,
): CollectorSettings[] {
  const settings: CollectorSettings[] = [];
  (raw.mappings ?? []).forEach((entry, index) => {
    const interval = entry.interval === undefined ? intervalMs : parseDuration(entry.interval)!;
    const timeoutMs = entry.timeout === undefined ? interval : parseDuration(entry.timeout)!;
    const definition = catalog.mapping(mappingSpec(entry, index));
    settings.push({ name: definition.name, definition, enabled: entry.enabled !== false, intervalMs: interval, timeoutMs, options: {} });
  });
  const groups = raw.process_groups ?? [];
  const fromFile = Array.isArray(groups) ? groups : (groups.groups ?? []);
  const object: RawProcessGroupsObject = Array.isArray(groups) ? {} : groups;
  const exporterFile = flag('--config.process-exporter') as string | undefined;
  if (exporterFile !== undefined && fromFile.length > 0) {
    throw new ConfigError('--config.process-exporter: process_groups in the configuration file lists groups too (keep one list)');
  }
  const list = exporterFile !== undefined ? loadProcessExporterFile(exporterFile) : fromFile;
  if (list.length > 0) {
    const interval = object.interval === undefined ? intervalMs : parseDuration(object.interval)!;
    const timeoutMs = object.timeout === undefined ? interval : parseDuration(object.timeout)!;
    const groupSettings = processGroupsSettings(object, flag, exporterFile !== undefined);
    const defaultName = exporterFile !== undefined || groupSettings.names === 'process-exporter' ? '{{.ExeBase}}' : '{{.Comm}}';
    const definition = catalog.processGroups({ ...groupSettings, groups: list.map((g) => groupSpec(g, defaultName)) });
    settings.push({ name: definition.name, definition, enabled: object.enabled !== false, intervalMs: interval, timeoutMs, options: {} });
  }
  return settings;
}

function resolveConfig(raw: RawConfig, program: Command, file: string | undefined, catalog: CollectorCatalog): ExporterConfig {
  const flag = (f: string): unknown => flagValue(program, f);
  const listenAddress = (flag('--web.listen-address') as string | undefined) ?? raw.web?.listenAddress ?? DEFAULTS.listenAddress;
  const listen = parseListenAddress(listenAddress);
  if (!listen)
    throw new ConfigError(`--web.listen-address: expected an address like :19100 or 127.0.0.1:19100, got ${JSON.stringify(listenAddress)}`);
  const telemetryPath = (flag('--web.telemetry-path') as string | undefined) ?? raw.web?.telemetryPath ?? DEFAULTS.telemetryPath;
  if (!telemetryPath.startsWith('/')) throw new ConfigError(`--web.telemetry-path: expected a path starting with /`);
  if (['/', '/healthz', '/dump'].includes(telemetryPath) || telemetryPath.startsWith('/dump/')) {
    throw new ConfigError(`web.telemetryPath: ${telemetryPath} is taken by another endpoint`);
  }
  const root = (f: string, value: string | undefined, fallback: string): string =>
    path.resolve((flag(f) as string | undefined) ?? value ?? fallback);
  const intervalMs = parseDuration(raw.interval ?? DEFAULTS.interval)!;
  const webConfigFile = (flag('--web.config.file') as string | undefined) ?? raw.web?.configFile;
  const maxRequestsFlag = flag('--web.max-requests') as string | undefined;
  if (maxRequestsFlag !== undefined && !/^\d{1,9}$/.test(maxRequestsFlag))
    throw new ConfigError('--web.max-requests: expected a whole number (0 for no limit)');
  const maxRequests = maxRequestsFlag !== undefined ? Number(maxRequestsFlag) : (raw.web?.maxRequests ?? DEFAULTS.maxRequests);
  const collectors = Object.entries(catalog.collectors).map(([name, definition]) =>
    collectorSettings(name, definition, raw, flag, intervalMs),
  );
  collectors.push(...configuredCollectors(raw, catalog, intervalMs, flag));

  return {
    configFile: file,
    listenAddress,
    listen,
    telemetryPath,
    procfs: root('--path.procfs', raw.procfs, DEFAULTS.procfs),
    sysfs: root('--path.sysfs', raw.sysfs, DEFAULTS.sysfs),
    rootfs: root('--path.rootfs', raw.rootfs, DEFAULTS.rootfs),
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
    webConfigFile:
      webConfigFile === undefined
        ? undefined
        : path.resolve(file === undefined || flag('--web.config.file') !== undefined ? '.' : path.dirname(file), webConfigFile),
    maxRequests,
    disableExporterMetrics: flag('--web.disable-exporter-metrics') === true,
    once: flag('--once') === true,
  };
}
