/** What the configuration is: the document config.yaml holds, and the resolved settings the exporter runs with. */
import type { CollectorDefinition, OptionValues } from '../collector';

/** A problem with the file or the flags: one line naming the key (or the flag). main prints it and exits 2. */
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
  /** `--web.disable-exporter-metrics`: the exporter's own process_* and nodejs_* metrics are left out of /metrics. */
  disableExporterMetrics: boolean;
  once: boolean;
}

/** A `mappings:` entry as written (schema.ts says what each key may hold). */
export interface RawMapping {
  name: string;
  handler: string;
  metric?: string;
  prefix?: string;
  help?: string;
  type?: 'gauge' | 'counter' | 'untyped';
  value?: string;
  values?: string[];
  valueLabel?: string;
  labels?: string[] | Record<string, string>;
  scale?: number;
  where?: RawFilter | RawFilter[];
  interval?: string;
  timeout?: string;
  maxSeries?: number;
  enabled?: boolean;
}

export interface RawFilter {
  field: string;
  equals?: string | number | boolean;
  matches?: string;
}

export interface RawGroup {
  name?: string;
  comm?: string | string[];
  exe?: string | string[];
  cmdline?: string | string[];
}

/** The settings of `process_groups:` in its long form (schema.ts; process-exporter's defaults in DEFAULT_PROCESS_GROUPS_SETTINGS). */
export interface RawProcessGroupsObject {
  groups?: RawGroup[] | null;
  names?: 'procfs' | 'process-exporter';
  children?: boolean;
  threads?: boolean;
  gatherSmaps?: boolean;
  recheck?: boolean;
  removeEmptyGroups?: boolean;
  maxSeries?: number;
  interval?: string;
  timeout?: string;
  enabled?: boolean;
}

/** `process_groups:`: a list of groups, or the groups with their settings and schedule. */
export type RawProcessGroups = RawGroup[] | RawProcessGroupsObject;

/** process-exporter's config file as written, once it has passed processExporterSchema. */
export interface RawProcessExporterConfig {
  process_names: RawGroup[];
}

/** config.yaml as written, once it has passed the schema. */
export interface RawConfig {
  web?: { listenAddress?: string; telemetryPath?: string; configFile?: string; maxRequests?: number };
  procfs?: string;
  sysfs?: string;
  rootfs?: string;
  interval?: string;
  log?: { level?: ExporterConfig['log']['level']; format?: ExporterConfig['log']['format'] };
  collectors?: Record<string, Record<string, unknown> | null>;
  mappings?: RawMapping[] | null;
  process_groups?: RawProcessGroups | null;
  dump?: { enabled?: boolean; perProcess?: boolean; environOfOtherProcesses?: boolean; maxBytes?: number; timeout?: string };
}
