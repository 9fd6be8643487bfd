/**
 * What a collector is: DATA — the handlers it reads and a list of metric
 * mappings — plus, where the input is not one file per handler, a `gather`
 * function, and the optional `transform` / `families` steps. applyCollector()
 * (apply.ts) turns the records into metric families; collectors never call
 * prom-client or build families by hand (except `families`, for input already
 * in Prometheus's shape). docs/collectors.md walks through the fields.
 */
import type { MetricFamily } from '../exporter/exposition';
import type { ProcFs } from '../procfs';

/** Option values a collector receives (from config.yaml or flags), after defaults. */
export type OptionValues = Record<string, string | number | boolean | readonly string[] | undefined>;

/** Facts about the host a mapping may need (sockstat's page size). */
export interface CollectorEnv {
  pageSize: number;
}

/** What a name/label/value function sees: the record, and for `each` mappings the entry's key and value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mapping's record is any unless it names its type: mappings are data over many parsers' records
export interface MappingContext<R = any> {
  handler: string;
  record: R;
  key: string;
  entry: unknown;
  options: OptionValues;
  env: CollectorEnv;
}

/**
 * Where a label or value comes from: a field path of the record (`device`,
 * `values.used`), `$key` / `$entry` in `each` mappings, or a function.
 */
export type Getter<R, T> = string | ((ctx: MappingContext<R>) => T | undefined);

/** Include/exclude regexes (option names of the collector) tested against a label or a derived string. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mapping's record is any unless it names its type: mappings are data over many parsers' records
export interface FilterSpec<R = any> {
  /** A label name of the sample, or a function of the context. */
  subject: string | ((ctx: MappingContext<R>) => string);
  /** Option holding the include regex: when set (non-empty), only matching subjects are kept. */
  include?: string;
  /** Option holding the exclude regex: matching subjects are dropped (ignored when include is set). */
  exclude?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mapping's record is any unless it names its type: mappings are data over many parsers' records
export interface MetricMapping<R = any> {
  /** Handler name(s) whose records this mapping reads. */
  from: string | readonly string[];
  /** Keeps only the records it accepts. */
  where?: (record: R, ctx: MappingContext<R>) => boolean;
  /** One sample per entry of this map-valued field (field path or function); `$key`/`$entry` then name the entry. */
  each?: string | ((record: R) => Record<string, unknown> | undefined);
  /** With `each`: only these keys, in this order. */
  only?: readonly string[];
  name: string | ((ctx: MappingContext<R>) => string);
  /**
   * With a derived name: how the names look, for docs/reference/metrics.md
   * (`node_netstat_<Protocol>_<Field>`, `node_network_receive_{bytes,packets}_total`).
   */
  namePattern?: string;
  help: string | ((ctx: MappingContext<R>) => string);
  type: 'counter' | 'gauge' | 'untyped';
  /** Label name → where its value comes from. */
  labels?: Readonly<Record<string, Getter<R, string | number>>>;
  /** Where the value comes from; with `each` it defaults to the entry. Undefined means "no sample". */
  value?: Getter<R, number>;
  /** Multiplier (unit conversion): 512 for sectors → bytes, 0.001 for ms → s. */
  scale?: number;
  filters?: readonly FilterSpec<R>[];
}

/**
 * `list`: several strings, a YAML sequence in the file and a repeatable flag (node_exporter's `Strings()` flags).
 * `duration`: written like `5s` or `1m30s` (validated with the config); the collector receives milliseconds.
 */
export type OptionType = 'regex' | 'string' | 'number' | 'boolean' | 'list' | 'duration';

export interface OptionSpec {
  type: OptionType;
  default?: string | number | boolean | readonly string[];
  description: string;
}

export interface CollectorDefinition {
  /** Collector name: the config key, `--collector.<name>`, the `collector` label. */
  name: string;
  description: string;
  /** node_exporter's default: enabled unless config or flags say otherwise. */
  defaultEnabled: boolean;
  /** Handlers read (their file is the handler's name under the procfs root); `optional` files may be absent. */
  reads: Readonly<Record<string, Need>>;
  /** Options (config key, camelCase; flag `--collector.<name>.<kebab-case>`). */
  options?: Readonly<Record<string, OptionSpec>>;
  /** Filters applied to every mapping. */
  filters?: readonly FilterSpec[];
  metrics: readonly MetricMapping[];
  /**
   * Instead of reading `reads` (one file per handler), produces the input
   * itself: the process walk of process groups, per-process mappings. May keep
   * state between runs (counters of exited processes). Keys are what `from` names.
   */
  gather?: (ctx: GatherContext) => Promise<CollectorInput>;
  /** Checks the input before mapping (a field no record has): throwing fails the run. */
  checkInput?: (input: CollectorInput) => void;
  /** More series than this in one run fails the run (config-driven mappings' cardinality limit). */
  maxSeries?: number;
  /** Said after the message of a run over `maxSeries` (what to change). */
  maxSeriesHint?: string;
  /**
   * Checks made when the exporter starts and when it reloads, before any run
   * (config mappings: their fields against a sample parse of the file). Returns
   * the problems, one line each; any stops the start, or the reload.
   */
  checkAtStart?: (trees: Filesystems) => string[];
  /**
   * Rewrites the input before the mappings see it, with state kept between
   * runs (cpu: counters that go backwards are clamped to the last value seen).
   */
  transform?: (input: CollectorInput, ctx: CollectorContext) => CollectorInput;
  /**
   * Families the collector builds itself, for input already in Prometheus's
   * shape (textfile: families read from *.prom files). Merged with the mapped
   * families; a name both produce fails the run.
   */
  families?: (input: CollectorInput, ctx: CollectorContext) => MetricFamily[];
  /** With `families`: the names it builds, for docs/reference/metrics.md (`node_textfile_scrape_error`, `<…>` for variable parts). */
  familyNames?: readonly string[];
}

/** What `transform` and `families` receive. */
export interface CollectorContext {
  options: OptionValues;
  env: CollectorEnv;
  /** This collector's state between runs (see collectorState in apply.ts). */
  state: CollectorState;
}

/** State a collector keeps between runs; starts empty. */
export type CollectorState = Record<string, unknown>;

/** Handler name → when its file is read: `required` fails the run when absent, `optional` gives undefined. */
export type Need = 'required' | 'optional';

/**
 * Records of a handler's file under the procfs root (`path`, default the
 * handler's name), read and parsed once per cycle for all collectors. An
 * absent required file throws MissingFileError (the run fails as "not on this
 * kernel", logged at debug); an absent optional one is undefined.
 */
export interface ReadRecords {
  <R extends object = object>(handler: string, need: 'required', path?: string): Promise<R[]>;
  <R extends object = object>(handler: string, need: Need, path?: string): Promise<R[] | undefined>;
}

/** The trees a collector reads: `--path.procfs`, `--path.sysfs`, `--path.rootfs`. */
export interface Filesystems {
  procfs: ProcFs;
  sysfs: ProcFs;
  rootfs: ProcFs;
}

/** What a `gather` function receives. */
export interface GatherContext extends Filesystems, CollectorContext {
  /** The cycle's reader: the same parsed records every collector of the cycle gets. */
  read: ReadRecords;
}

/** Keeps the literal type of a collector module (and checks it). */
export function defineCollector(definition: CollectorDefinition): CollectorDefinition {
  return definition;
}

/** Keeps a mapping's record type for its functions. */
export function mapping<R>(m: MetricMapping<R>): MetricMapping<R> {
  return m;
}

/** The collectors the exporter runs, keyed by name (collectors/index.ts builds it; main hands it over). */
export type CollectorTable = Record<string, CollectorDefinition>;

/** Records per handler name; undefined for an optional file that is absent. */
export type CollectorInput = Record<string, readonly object[] | undefined>;
