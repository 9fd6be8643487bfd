/**
 * The declarative mapping layer: ONE function, applyCollector(), turns the
 * records of a collector's handlers into metric families.
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
import {
  compareLabels,
  isValidLabelName,
  isValidMetricName,
  sanitizeMetricName,
  type Labels,
  type MetricFamily,
} from '../exporter/exposition';
import type {
  CollectorContext,
  CollectorDefinition,
  CollectorEnv,
  CollectorInput,
  CollectorState,
  FilterSpec,
  Getter,
  MappingContext,
  MetricMapping,
  OptionValues,
} from './definition';

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

/** The value at a dotted field path of a record (`kB.VmRSS`), or undefined. */
export function getPath(value: unknown, path: string): unknown {
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

function passes(filters: readonly FilterSpec[], ctx: MappingContext, labels: Labels | undefined): boolean {
  for (const filter of filters) {
    const subject = typeof filter.subject === 'function' ? filter.subject(ctx) : (labels?.[filter.subject] ?? '');
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

/**
 * What emit needs of a mapping, worked out once per collector definition: its labels as
 * [name, getter] pairs, and its filters with the collector's split by what they test. Filters of
 * a function of the record go first, before any label is built: netstat's and vmstat's `fields`
 * keep 49 of their ~470 entries here, and the others cost no labels object, no strings.
 */
interface PreparedMapping {
  labels: [string, Getter<unknown, string | number>][];
  /** Filters whose subject is a function of the context. */
  early: FilterSpec[];
  /** Filters whose subject is a label of the sample. */
  late: FilterSpec[];
}

const prepared = new WeakMap<CollectorDefinition, PreparedMapping[]>();

/** The definition's mappings prepared, in the order of `definition.metrics`. */
function prepare(definition: CollectorDefinition): PreparedMapping[] {
  let mappings = prepared.get(definition);
  if (mappings === undefined) {
    mappings = definition.metrics.map((m) => {
      const filters = [...(definition.filters ?? []), ...(m.filters ?? [])];
      return {
        labels: Object.entries(m.labels ?? {}),
        early: filters.filter((f) => typeof f.subject === 'function'),
        late: filters.filter((f) => typeof f.subject !== 'function'),
      };
    });
    prepared.set(definition, mappings);
  }
  return mappings;
}

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
  env: CollectorEnv,
  state: CollectorState = collectorState(options),
): MetricFamily[] {
  const families = new Map<string, MetricFamily>();
  const seen = new Map<string, Set<string>>();
  /** Metric name as given → sanitized and checked (names repeat for every device, CPU, …). */
  const checkedNames = new Map<string, string>();
  definition.checkInput?.(rawInput);
  const context: CollectorContext = { options, env, state };
  const input = definition.transform ? definition.transform(rawInput, context) : rawInput;

  const emit = (m: MetricMapping, p: PreparedMapping, ctx: MappingContext): void => {
    const raw = m.value === undefined ? (m.each !== undefined ? ctx.entry : undefined) : resolve(m.value, ctx);
    if (raw === undefined || raw === null) return;
    if (typeof raw !== 'number')
      throw new Error(
        `${definition.name}: value of ${String(typeof m.name === 'string' ? m.name : ctx.key)} is not a number (${JSON.stringify(raw)})`,
      );
    if (p.early.length > 0 && !passes(p.early, ctx, undefined)) return;
    const labels: Labels = {};
    for (const [label, getter] of p.labels) {
      const v = resolve(getter, ctx);
      labels[label] = v === undefined || v === null ? '' : String(v);
    }
    if (p.late.length > 0 && !passes(p.late, ctx, labels)) return;
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

  const preparedMappings = prepare(definition);
  for (const [index, m] of definition.metrics.entries()) {
    const p = preparedMappings[index];
    const sources = typeof m.from === 'string' ? [m.from] : m.from;
    for (const handler of sources) {
      const records = input[handler];
      if (records === undefined) continue;
      for (const record of records) {
        const ctx: MappingContext = { handler, record, key: '', entry: undefined, options, env };
        if (m.where && !m.where(record, ctx)) continue;
        if (m.each === undefined) {
          emit(m, p, ctx);
          continue;
        }
        const map = typeof m.each === 'function' ? m.each(record) : getPath(record, m.each);
        if (map === undefined || map === null) continue;
        if (typeof map !== 'object') throw new Error(`${definition.name}: ${String(m.each)} is not a map`);
        const entries = map as Record<string, unknown>;
        const keys = m.only ? m.only.filter((k) => Object.prototype.hasOwnProperty.call(entries, k)) : Object.keys(entries);
        for (const key of keys) emit(m, p, { handler, record, key, entry: entries[key], options, env });
      }
    }
  }

  if (definition.maxSeries !== undefined) {
    const series = [...families.values()].reduce((n, f) => n + f.samples.length, 0);
    if (series > definition.maxSeries) {
      const hint = definition.maxSeriesHint === undefined ? '' : ` (${definition.maxSeriesHint})`;
      throw new Error(`${definition.name}: ${series} series, over the limit of ${definition.maxSeries}${hint}`);
    }
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
  if (!/^[a-z][a-z0-9_]*$/.test(definition.name))
    problems.push(`collector name ${JSON.stringify(definition.name)} is not lower_snake_case`);
  for (const handler of Object.keys(definition.reads)) if (!handlerExists(handler)) problems.push(`reads unknown handler ${handler}`);
  const options = definition.options ?? {};
  const checkFilters = (filters: readonly FilterSpec[] | undefined, where: string): void => {
    for (const f of filters ?? []) {
      for (const o of [f.include, f.exclude])
        if (o !== undefined && !(o in options)) problems.push(`${where}: filter uses undeclared option ${o}`);
    }
  };
  checkFilters(definition.filters, 'collector');
  if (definition.families && (definition.familyNames ?? []).length === 0)
    problems.push('families: familyNames lists what it builds (the README shows it)');
  for (const m of definition.metrics) {
    const where = typeof m.name === 'string' ? m.name : '(derived name)';
    if (typeof m.name === 'string' && !isValidMetricName(m.name)) problems.push(`${where}: invalid metric name`);
    if (typeof m.name === 'function' && m.namePattern === undefined)
      problems.push(`${where}: a derived name needs a namePattern (the README shows it)`);
    if (typeof m.name === 'string' && m.type === 'counter' && !m.name.endsWith('_total'))
      problems.push(`${where}: counter names end in _total`);
    for (const label of Object.keys(m.labels ?? {})) if (!isValidLabelName(label)) problems.push(`${where}: invalid label name ${label}`);
    // A `gather` collector names its own input keys (a process walk, every file of a directory).
    for (const h of typeof m.from === 'string' ? [m.from] : m.from)
      if (!(h in definition.reads) && !definition.gather) problems.push(`${where}: reads ${h}, which is not in reads`);
    checkFilters(m.filters, where);
  }
  for (const [name, spec] of Object.entries(options)) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(name)) problems.push(`option ${name} is not camelCase`);
    if (spec.type === 'duration' && (typeof spec.default !== 'string' || !/^(\d+(h|m|s|ms))+$/.test(spec.default))) {
      problems.push(`option ${name}: a duration's default is written like 5s`);
    }
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
