/**
 * The declarative mapping layer: a collector is DATA — the handlers it reads
 * and a list of metric mappings — and ONE function, applyCollector(), turns
 * the handlers' records into metric families. Collectors never call
 * prom-client or build families by hand.
 *
 * A mapping walks the records of one or more handlers (optionally only those
 * `where` accepts), optionally spreads each record over the entries of a
 * map-valued field (`each`: softirqs' per-CPU counts, netstat's counters),
 * and emits one sample per record (or entry): its name (fixed, or derived by a
 * function for kernel-named metrics), labels (record fields), value (a field,
 * scaled), filtered by include/exclude regexes the collector's options hold.
 *
 * Kernel counters are absolute: values are exported as read (no deltas), and
 * a device that disappears simply yields no sample in the next snapshot.
 * A value that is absent from a record (a column the kernel does not print)
 * yields no sample.
 */
import { compareLabels, isValidLabelName, isValidMetricName, sanitizeMetricName, type Labels, type MetricFamily } from './exposition';

/** Option values a collector receives (from config.yaml or flags), after defaults. */
export type OptionValues = Record<string, string | number | boolean | undefined>;

/** Facts about the host a mapping may need (sockstat's page size). */
export interface MapperEnv {
  pageSize: number;
}

/** What a name/label/value function sees: the record, and for `each` mappings the entry's key and value. */
export interface MappingContext<R = any> {
  handler: string;
  record: R;
  key: string;
  entry: unknown;
  options: OptionValues;
  env: MapperEnv;
}

/**
 * Where a label or value comes from: a field path of the record (`device`,
 * `values.used`), `$key` / `$entry` in `each` mappings, or a function.
 */
export type Getter<R, T> = string | ((ctx: MappingContext<R>) => T | undefined);

/** Include/exclude regexes (option names of the collector) tested against a label or a derived string. */
export interface FilterSpec<R = any> {
  /** A label name of the sample, or a function of the context. */
  subject: string | ((ctx: MappingContext<R>) => string);
  /** Option holding the include regex: when set (non-empty), only matching subjects are kept. */
  include?: string;
  /** Option holding the exclude regex: matching subjects are dropped (ignored when include is set). */
  exclude?: string;
}

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

export type OptionType = 'regex' | 'string' | 'number' | 'boolean';

export interface OptionSpec {
  type: OptionType;
  default?: string | number | boolean;
  description: string;
}

export interface CollectorDefinition {
  /** Collector name: the config key, `--collector.<name>`, the `collector` label. */
  name: string;
  description: string;
  /** node_exporter's default: enabled unless config or flags say otherwise. */
  defaultEnabled: boolean;
  /** Handlers read (their file is the handler's name under the procfs root); `optional` files may be absent. */
  reads: Readonly<Record<string, 'required' | 'optional'>>;
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
}

/** What `transform` and `families` receive. */
export interface CollectorContext {
  options: OptionValues;
  env: MapperEnv;
  /** This collector's state between runs (see collectorState). */
  state: CollectorState;
}

/** State a collector keeps between runs; starts empty. */
export type CollectorState = Record<string, unknown>;

const states = new WeakMap<OptionValues, CollectorState>();

/**
 * The state of one configured collector: keyed by its options object, which the
 * scheduler passes unchanged on every run, so each scheduled collector has its
 * own, and a new configuration (a reload, another scheduler, a test) starts
 * afresh. applyCollector uses it unless given a state explicitly.
 */
export function collectorState(options: OptionValues): CollectorState {
  let state = states.get(options);
  if (!state) {
    state = {};
    states.set(options, state);
  }
  return state;
}

/** What a `gather` function receives. */
export interface GatherContext {
  procfs: import('../procfs').ProcFs;
  options: OptionValues;
  env: MapperEnv;
}

/** Keeps the literal type of a collector module (and checks it). */
export function defineCollector(definition: CollectorDefinition): CollectorDefinition {
  return definition;
}

/** Keeps a mapping's record type for its functions. */
export function mapping<R>(m: MetricMapping<R>): MetricMapping<R> {
  return m;
}

export type CollectorTable = Record<string, CollectorDefinition>;

function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function resolve<R, T>(getter: Getter<R, T> | undefined, ctx: MappingContext<R>): unknown {
  if (getter === undefined) return undefined;
  if (typeof getter === 'function') return getter(ctx);
  if (getter === '$key') return ctx.key;
  if (getter === '$entry') return ctx.entry;
  return getPath(ctx.record, getter);
}

const regexCache = new Map<string, RegExp>();

function compiled(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) {
    re = new RegExp(source);
    regexCache.set(source, re);
  }
  return re;
}

function optionRegex(options: OptionValues, name: string | undefined): RegExp | undefined {
  if (name === undefined) return undefined;
  const value = options[name];
  return typeof value === 'string' && value !== '' ? compiled(value) : undefined;
}

function passes(filters: readonly FilterSpec[], ctx: MappingContext, labels: Labels): boolean {
  for (const filter of filters) {
    const subject = typeof filter.subject === 'function' ? filter.subject(ctx) : labels[filter.subject] ?? '';
    const include = optionRegex(ctx.options, filter.include);
    if (include) {
      if (!include.test(subject)) return false;
      continue;
    }
    const exclude = optionRegex(ctx.options, filter.exclude);
    if (exclude && exclude.test(subject)) return false;
  }
  return true;
}

const labelEntryCache = new WeakMap<MetricMapping, [string, Getter<unknown, string | number>][]>();

/** A mapping's labels as [name, getter] pairs, built once per mapping. */
function labelEntries(m: MetricMapping): [string, Getter<unknown, string | number>][] {
  let entries = labelEntryCache.get(m);
  if (entries === undefined) {
    entries = Object.entries(m.labels ?? {});
    labelEntryCache.set(m, entries);
  }
  return entries;
}

/** Records per handler name; undefined for an optional file that is absent. */
export type CollectorInput = Record<string, readonly object[] | undefined>;

/**
 * THE framework function: applies a collector's mappings to its handlers'
 * records. Families come out sorted by name, samples by label values (as
 * client_golang orders them). Throws on a mapping error (a non-numeric value,
 * one name with two types, a duplicate series): that collector's run fails.
 */
export function applyCollector(
  definition: CollectorDefinition,
  rawInput: CollectorInput,
  options: OptionValues,
  env: MapperEnv,
  state: CollectorState = collectorState(options),
): MetricFamily[] {
  const families = new Map<string, MetricFamily>();
  const seen = new Map<string, Set<string>>();
  const collectorFilters = definition.filters ?? [];
  /** Metric name as given → sanitized and checked (names repeat for every device, CPU, …). */
  const checkedNames = new Map<string, string>();
  definition.checkInput?.(rawInput);
  const context: CollectorContext = { options, env, state };
  const input = definition.transform ? definition.transform(rawInput, context) : rawInput;

  const emit = (m: MetricMapping, ctx: MappingContext): void => {
    const raw = m.value === undefined ? (m.each !== undefined ? ctx.entry : undefined) : resolve(m.value, ctx);
    if (raw === undefined || raw === null) return;
    if (typeof raw !== 'number') throw new Error(`${definition.name}: value of ${String(typeof m.name === 'string' ? m.name : ctx.key)} is not a number (${JSON.stringify(raw)})`);
    const labels: Labels = {};
    for (const [label, getter] of labelEntries(m)) {
      const v = resolve(getter, ctx);
      labels[label] = v === undefined || v === null ? '' : String(v);
    }
    if (!passes(collectorFilters, ctx, labels) || !passes(m.filters ?? [], ctx, labels)) return;
    const given = typeof m.name === 'function' ? m.name(ctx) : m.name;
    let name = checkedNames.get(given);
    if (name === undefined) {
      name = sanitizeMetricName(given);
      if (!isValidMetricName(name)) throw new Error(`${definition.name}: invalid metric name ${JSON.stringify(name)}`);
      checkedNames.set(given, name);
    }
    let family = families.get(name);
    if (!family) {
      family = { name, help: typeof m.help === 'function' ? m.help(ctx) : m.help, type: m.type, samples: [] };
      families.set(name, family);
      seen.set(name, new Set());
    } else if (family.type !== m.type) {
      throw new Error(`${definition.name}: ${name} mapped as both ${family.type} and ${m.type}`);
    }
    const key = JSON.stringify(labels);
    const keys = seen.get(name)!;
    if (keys.has(key)) throw new Error(`${definition.name}: duplicate series ${name}${key}`);
    keys.add(key);
    family.samples.push({ labels, value: raw * (m.scale ?? 1) });
  };

  for (const m of definition.metrics) {
    const sources = typeof m.from === 'string' ? [m.from] : m.from;
    for (const handler of sources) {
      const records = input[handler];
      if (records === undefined) continue;
      for (const record of records) {
        const ctx: MappingContext = { handler, record, key: '', entry: undefined, options, env };
        if (m.where && !m.where(record, ctx)) continue;
        if (m.each === undefined) {
          emit(m, ctx);
          continue;
        }
        const map = typeof m.each === 'function' ? m.each(record) : getPath(record, m.each);
        if (map === undefined || map === null) continue;
        if (typeof map !== 'object') throw new Error(`${definition.name}: ${String(m.each)} is not a map`);
        const entries = map as Record<string, unknown>;
        const keys = m.only ? m.only.filter((k) => Object.prototype.hasOwnProperty.call(entries, k)) : Object.keys(entries);
        for (const key of keys) emit(m, { handler, record, key, entry: entries[key], options, env });
      }
    }
  }

  if (definition.maxSeries !== undefined) {
    const series = [...families.values()].reduce((n, f) => n + f.samples.length, 0);
    if (series > definition.maxSeries) throw new Error(`${definition.name}: ${series} series, over the limit of ${definition.maxSeries}`);
  }
  for (const family of families.values()) family.samples.sort((a, b) => compareLabels(a.labels, b.labels));
  // Built families keep their own sample order (a histogram's buckets, _sum, _count).
  for (const family of definition.families?.(input, context) ?? []) {
    if (families.has(family.name)) throw new Error(`${definition.name}: ${family.name} produced twice`);
    families.set(family.name, family);
  }
  return [...families.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Checks a definition's static parts (names, label names, option references); returns the problems. */
export function checkDefinition(definition: CollectorDefinition, handlerExists: (name: string) => boolean): string[] {
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9_]*$/.test(definition.name)) problems.push(`collector name ${JSON.stringify(definition.name)} is not lower_snake_case`);
  for (const handler of Object.keys(definition.reads)) if (!handlerExists(handler)) problems.push(`reads unknown handler ${handler}`);
  const options = definition.options ?? {};
  const checkFilters = (filters: readonly FilterSpec[] | undefined, where: string): void => {
    for (const f of filters ?? []) {
      for (const o of [f.include, f.exclude]) if (o !== undefined && !(o in options)) problems.push(`${where}: filter uses undeclared option ${o}`);
    }
  };
  checkFilters(definition.filters, 'collector');
  for (const m of definition.metrics) {
    const where = typeof m.name === 'string' ? m.name : '(derived name)';
    if (typeof m.name === 'string' && !isValidMetricName(m.name)) problems.push(`${where}: invalid metric name`);
    if (typeof m.name === 'string' && m.type === 'counter' && !m.name.endsWith('_total')) problems.push(`${where}: counter names end in _total`);
    for (const label of Object.keys(m.labels ?? {})) if (!isValidLabelName(label)) problems.push(`${where}: invalid label name ${label}`);
    // A `gather` collector names its own input keys (a process walk, every file of a directory).
    for (const h of typeof m.from === 'string' ? [m.from] : m.from) if (!(h in definition.reads) && !definition.gather) problems.push(`${where}: reads ${h}, which is not in reads`);
    checkFilters(m.filters, where);
  }
  for (const [name, spec] of Object.entries(options)) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) problems.push(`option ${name} is not camelCase`);
    if (spec.type === 'regex' && typeof spec.default === 'string') {
      try {
        new RegExp(spec.default);
      } catch (error) {
        problems.push(`option ${name}: default is not a valid regex: ${(error as Error).message}`);
      }
    }
  }
  return problems;
}
