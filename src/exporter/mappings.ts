/**
 * Config-driven mappings (`mappings:` in config.yaml): any parsed /proc file
 * as metrics, without code. Each entry becomes an ordinary CollectorDefinition
 * (named `mapping:<name>`) that the scheduler runs and applyCollector maps,
 * exactly as a built-in collector: same snapshots, same
 * node_scrape_collector_success / _duration_seconds.
 *
 *   mappings:
 *     - name: snmp6_counters          # the mapping (collector="mapping:snmp6_counters")
 *       handler: net/snmp6            # any handler of `proc2json --list` that reads one file
 *       metric: snmp6                 # → procfs_snmp6_total (prefix procfs_, counters end in _total)
 *       type: counter
 *       value: value                  # or values: [a, b] (+ valueLabel: field)
 *       labels: { counter: name }     # label → field (dotted path into nested records: kB.VmRSS)
 *       where: { field: name, matches: 'Ip6(In|Out)Octets' }
 *
 * Record types are TypeScript types, not available at run time, so fields
 * are validated against a sample parse of the live file at start (the
 * procfs root's file; for pid/* handlers `self`, else the first process).
 * When the file is absent or has no records at start, the check is deferred
 * to the runs: a run whose records lack a field fails, naming the mapping.
 */
import { collectors as collectorTable } from '../../collectors/index';
import { handlerPattern } from '../handler';
import { ProcFs } from '../procfs';
import { readProcess, walkProcesses } from '../processes';
import { getHandler } from '../registry';
import { flatten } from '../format/flatten';
import { isValidLabelName, isValidMetricName } from './exposition';
import { applyCollector, type CollectorDefinition, type CollectorInput, type MetricMapping } from '../collector';
import type { CollectorSettings } from './config';

export const DEFAULT_PREFIX = 'procfs_';
export const DEFAULT_MAX_SERIES = 10_000;
/** Name prefixes owned by other parts of the exporter. */
const RESERVED_PREFIXES: readonly [string, string][] = [
  ['node_', 'the built-in (node_exporter) collectors'],
  ['process_', "the exporter's own process metrics"],
  ['procfs_group_', 'process_groups'],
];
/** The field a per-process mapping's records gain: the process id. */
export const PID_FIELD = '$pid';

const KEYS = new Set(['name', 'handler', 'metric', 'prefix', 'help', 'type', 'value', 'values', 'valueLabel', 'labels', 'scale', 'where', 'interval', 'timeout', 'maxSeries', 'enabled']);

interface Filter {
  field: string;
  equals?: string | number | boolean;
  matches?: RegExp;
}

/** What the config module hands over (keeps this module free of a circular import). */
export interface ResolveContext {
  procfs: string;
  intervalMs: number;
  parseDuration: (text: string) => number | undefined;
}

export interface Resolved {
  settings: CollectorSettings[];
  problems: string[];
}

export function getPath(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Static metric names of the built-in collectors. */
function builtinNames(): Set<string> {
  const names = new Set<string>(['node_scrape_collector_success', 'node_scrape_collector_duration_seconds']);
  for (const def of Object.values(collectorTable as Record<string, CollectorDefinition>)) {
    for (const m of def.metrics) if (typeof m.name === 'string') names.add(m.name);
  }
  return names;
}

function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function fieldProblem(field: unknown, pid: boolean): string | undefined {
  if (typeof field !== 'string' || field === '') return 'expected a field name (a dotted path such as kB.VmRSS)';
  if (field === PID_FIELD) return pid ? undefined : `${PID_FIELD} exists only for per-process (pid/*) handlers`;
  if (field.startsWith('$')) return `unknown field ${field}`;
  if (field.split('.').some((p) => p === '')) return `invalid field path ${JSON.stringify(field)}`;
  return undefined;
}

/** `kB.VmRSS` → `kB_VmRSS` (a metric-name or label-name part). */
function namePart(field: string): string {
  return field.replace(/^\$/, '').replace(/[^a-zA-Z0-9_]/g, '_');
}

/** Fields that no record has, and fields of the wrong kind; [] when there are no records (nothing to judge). */
function checkFields(records: readonly object[], values: readonly string[], others: readonly string[], handler: string): string[] {
  if (records.length === 0) return [];
  const problems: string[] = [];
  const known = (): string => {
    const keys = new Set<string>();
    for (const r of records.slice(0, 50)) for (const k of Object.keys(flatten(r))) keys.add(k);
    const list = [...keys];
    return list.length > 25 ? `${list.slice(0, 25).join(', ')}, … (${list.length} in all)` : list.join(', ');
  };
  const check = (field: string, numeric: boolean): void => {
    const present = records.map((r) => getPath(r, field)).filter((v) => v !== undefined && v !== null);
    if (present.length === 0) {
      problems.push(`field ${field} is not in ${handler}'s records (fields: ${known()})`);
      return;
    }
    if (present.every((v) => typeof v === 'object')) {
      const sub = Object.keys(flatten(present[0])).slice(0, 5).map((k) => `${field}.${k}`);
      problems.push(`field ${field} is not a single value (use a dotted path such as ${sub.join(', ')})`);
      return;
    }
    if (numeric && !present.some((v) => typeof v === 'number')) problems.push(`field ${field} is not numeric (${JSON.stringify(present[0])})`);
  };
  for (const f of values) if (f !== PID_FIELD) check(f, true);
  for (const f of others) if (f !== PID_FIELD) check(f, false);
  return problems;
}

/** Per-process handlers read every process; records gain `$pid`. */
function processRecords(handler: string, procfs: ProcFs, pids?: number[]): Promise<object[]> | object[] {
  if (pids !== undefined) {
    const out: object[] = [];
    for (const pid of pids) {
      const p = readProcess(procfs, pid, [handler]);
      for (const r of (p?.files[handler] ?? []) as object[]) out.push({ ...r, [PID_FIELD]: pid });
    }
    return out;
  }
  return (async () => {
    const out: object[] = [];
    for await (const p of walkProcesses({ procfs, files: [handler] })) {
      for (const r of (p.files[handler] ?? []) as object[]) out.push({ ...r, [PID_FIELD]: p.pid });
    }
    return out;
  })();
}

/** The records of a sample parse at start; undefined when the file is absent (or unreadable) now. */
function sampleRecords(handler: string, procfs: ProcFs): object[] | undefined {
  try {
    if (handler.startsWith('pid/')) {
      const self = procfs.exists('self') ? Number(procfs.readLink('self')) : NaN;
      const pid = Number.isInteger(self) && self > 0 ? self : procfs.pids()[0];
      if (pid === undefined) return undefined;
      return processRecords(handler, procfs, [pid]) as object[];
    }
    return getHandler(handler)!.parse(procfs.readText(handler), `${procfs.root}/${handler}`);
  } catch {
    return undefined; // absent now, or a parse error: the runs will report it
  }
}

/**
 * Validates `mappings:` and turns each entry into a collector. Problems are
 * one line each, naming the entry: `mappings[2] (snmp6_counters): …`.
 */
export function resolveMappings(raw: unknown, ctx: ResolveContext): Resolved {
  const problems: string[] = [];
  const settings: CollectorSettings[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (!Array.isArray(raw)) return { settings, problems: ['mappings: expected a list'] };
  const builtins = builtinNames();
  const owners = new Map<string, string>();
  const names = new Set<string>();
  const procfs = new ProcFs(ctx.procfs);

  raw.forEach((entry: unknown, index: number) => {
    const label = `mappings[${index}]${isObject(entry) && typeof entry.name === 'string' ? ` (${entry.name})` : ''}`;
    const local: string[] = [];
    const fail = (message: string): void => {
      local.push(`${label}: ${message}`);
    };
    if (!isObject(entry)) {
      problems.push(`${label}: expected a mapping with name, handler and value`);
      return;
    }
    for (const key of Object.keys(entry)) if (!KEYS.has(key)) fail(`unknown key ${key} (known: ${[...KEYS].join(', ')})`);

    const name = entry.name;
    if (typeof name !== 'string' || !/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) fail('name: expected letters, digits and _ (e.g. snmp6_counters)');
    else if (names.has(name)) fail(`name ${name} is used by an earlier mapping`);
    else names.add(name);

    const handlerName = entry.handler;
    const handler = typeof handlerName === 'string' ? getHandler(handlerName) : undefined;
    let perProcess = false;
    if (typeof handlerName !== 'string') fail('handler: expected a handler name such as net/snmp6 (proc2json --list)');
    else if (!handler) fail(`unknown handler ${handlerName} (proc2json --list shows the names)`);
    else if (handler.refuse !== undefined) fail(`handler ${handlerName} is not parsed (${handler.refuse})`);
    else {
      const pattern = handlerPattern(handler);
      perProcess = handlerName.startsWith('pid/');
      if (pattern.includes('*')) fail(`handler ${handlerName} reads a folder of files (${pattern}); a mapping reads one file`);
      else if (perProcess && !pattern.startsWith('<pid>/')) fail(`handler ${handlerName} is not read from a process directory`);
    }

    const type = entry.type ?? 'gauge';
    if (type !== 'gauge' && type !== 'counter' && type !== 'untyped') fail(`type: expected gauge, counter or untyped, got ${JSON.stringify(type)}`);

    let valueFields: string[] = [];
    if (entry.value !== undefined && entry.values !== undefined) fail('value and values are mutually exclusive');
    else if (entry.value !== undefined) valueFields = [entry.value as string];
    else if (Array.isArray(entry.values) && entry.values.length > 0) valueFields = entry.values as string[];
    else if (entry.values !== undefined) fail('values: expected a non-empty list of fields');
    else fail('value: missing (the field holding the number, e.g. value or kB.VmRSS)');
    for (const f of valueFields) {
      const p = fieldProblem(f, perProcess);
      if (p) fail(`value ${JSON.stringify(f)}: ${p}`);
    }
    if (new Set(valueFields).size !== valueFields.length) fail('values: a field is listed twice');

    const labelFields: Record<string, string> = {};
    if (Array.isArray(entry.labels)) for (const f of entry.labels) labelFields[typeof f === 'string' ? namePart(f) : String(f)] = f as string;
    else if (isObject(entry.labels)) Object.assign(labelFields, entry.labels);
    else if (entry.labels !== undefined) fail('labels: expected a list of fields or a mapping label: field');
    for (const [l, f] of Object.entries(labelFields)) {
      if (!isValidLabelName(l)) fail(`labels: invalid label name ${JSON.stringify(l)}`);
      const p = fieldProblem(f, perProcess);
      if (p) fail(`labels.${l}: ${p}`);
    }

    const valueLabel = entry.valueLabel;
    if (valueLabel !== undefined) {
      if (entry.values === undefined) fail('valueLabel: only with values (several fields)');
      else if (typeof valueLabel !== 'string' || !isValidLabelName(valueLabel)) fail(`valueLabel: invalid label name ${JSON.stringify(valueLabel)}`);
      else if (valueLabel in labelFields) fail(`valueLabel: ${valueLabel} is also in labels`);
    }

    const scale = entry.scale ?? 1;
    if (typeof scale !== 'number' || !Number.isFinite(scale)) fail('scale: expected a number (1024 for kB → bytes)');

    const filters: Filter[] = [];
    const whereList = entry.where === undefined ? [] : Array.isArray(entry.where) ? entry.where : [entry.where];
    whereList.forEach((w: unknown, i: number) => {
      const at = `where${Array.isArray(entry.where) ? `[${i}]` : ''}`;
      if (!isObject(w)) return fail(`${at}: expected { field, equals } or { field, matches }`);
      const extra = Object.keys(w).filter((k) => !['field', 'equals', 'matches'].includes(k));
      if (extra.length > 0) return fail(`${at}: unknown key ${extra[0]} (known: field, equals, matches)`);
      const p = fieldProblem(w.field, perProcess);
      if (p) return fail(`${at}.field: ${p}`);
      if ((w.equals === undefined) === (w.matches === undefined)) return fail(`${at}: expected exactly one of equals, matches`);
      if (w.equals !== undefined) {
        if (!['string', 'number', 'boolean'].includes(typeof w.equals)) return fail(`${at}.equals: expected a string or a number`);
        filters.push({ field: w.field as string, equals: w.equals as string | number | boolean });
        return;
      }
      if (typeof w.matches !== 'string') return fail(`${at}.matches: expected a regular expression`);
      try {
        filters.push({ field: w.field as string, matches: new RegExp(`^(?:${w.matches})$`) });
      } catch (error) {
        fail(`${at}.matches: invalid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
      }
    });

    const duration = (key: 'interval' | 'timeout'): number | undefined => {
      const v = entry[key];
      if (v === undefined) return undefined;
      const ms = typeof v === 'string' ? ctx.parseDuration(v) : undefined;
      if (ms === undefined) fail(`${key}: expected a duration like 15s`);
      return ms;
    };
    const intervalMs = duration('interval') ?? ctx.intervalMs;
    const timeoutMs = duration('timeout') ?? intervalMs;
    const maxSeries = entry.maxSeries ?? DEFAULT_MAX_SERIES;
    if (!Number.isInteger(maxSeries) || (maxSeries as number) < 1) fail('maxSeries: expected a positive integer');
    if (entry.enabled !== undefined && typeof entry.enabled !== 'boolean') fail('enabled: expected true or false');

    // Metric names: <prefix><metric>[_<field>][_total].
    const prefix = entry.prefix ?? DEFAULT_PREFIX;
    const metric = entry.metric ?? name;
    if (typeof prefix !== 'string') fail('prefix: expected a string');
    if (typeof metric !== 'string' || metric === '') fail('metric: expected a metric name');
    const metricName = (field: string | undefined): string => {
      let n = `${String(prefix)}${String(metric)}${field === undefined ? '' : `_${namePart(field)}`}`;
      if (type === 'counter' && !n.endsWith('_total')) n += '_total';
      return n;
    };
    const split = valueFields.length > 1 && valueLabel === undefined;
    const metricNames = split ? valueFields.map((f) => metricName(f)) : [metricName(undefined)];
    if (local.length === 0) {
      for (const n of metricNames) {
        if (!isValidMetricName(n)) fail(`invalid metric name ${JSON.stringify(n)}`);
        else if (builtins.has(n)) fail(`metric ${n} collides with a built-in collector's metric`);
        else if (RESERVED_PREFIXES.some(([p]) => n.startsWith(p))) fail(`metric ${n} collides with ${RESERVED_PREFIXES.find(([p]) => n.startsWith(p))![1]} (prefix ${RESERVED_PREFIXES.find(([p]) => n.startsWith(p))![0]})`);
        else if (owners.has(n)) fail(`metric ${n} is also produced by ${owners.get(n)}`);
        else owners.set(n, label);
      }
    }
    if (local.length > 0) {
      problems.push(...local);
      return;
    }

    // The collector definition: one MetricMapping per value field.
    const h = handlerName as string;
    const collectorName = `mapping:${name as string}`;
    // Label names in order, as client_golang prints them.
    const labelGetters = Object.fromEntries(Object.entries(labelFields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const where =
      filters.length === 0
        ? undefined
        : (record: object): boolean =>
            filters.every((f) => {
              const v = getPath(record, f.field);
              if (v === undefined || v === null) return false;
              return f.equals !== undefined ? String(v) === String(f.equals) : f.matches!.test(String(v));
            });
    const metrics: MetricMapping[] = valueFields.map((field, i) => ({
      from: h,
      where,
      name: split ? metricNames[i] : metricNames[0],
      help: typeof entry.help === 'string' ? entry.help : `${h} ${split || valueLabel !== undefined ? field : valueFields[0]} (config mapping ${name as string}).`,
      type: type as 'gauge' | 'counter' | 'untyped',
      labels: valueLabel === undefined ? labelGetters : sortedKeys({ ...labelGetters, [valueLabel as string]: () => field }),
      value: field,
      scale: scale as number,
    }));
    if (valueLabel !== undefined && typeof entry.help !== 'string') for (const m of metrics) m.help = `${h} ${valueFields.join(', ')} (config mapping ${name as string}).`;
    const fields = [...valueFields];
    const others = [...Object.values(labelFields), ...filters.map((f) => f.field)];
    let verified = false;
    const definition: CollectorDefinition = {
      name: collectorName,
      description: `config mapping ${name as string} (${h})`,
      defaultEnabled: true,
      reads: { [h]: 'required' },
      metrics,
      maxSeries: maxSeries as number,
      checkInput: (input: CollectorInput) => {
        if (verified) return;
        const records = input[h] ?? [];
        const found = checkFields(records, fields, others, h);
        if (found.length > 0) throw new Error(`${label}: ${found.join('; ')}`);
        if (records.length > 0) verified = true;
      },
      gather: perProcess ? async ({ procfs: root }) => ({ [h]: await processRecords(h, root) }) : undefined,
    };

    // A sample parse of the live file: fields, duplicate series, cardinality.
    const sample = sampleRecords(h, procfs);
    if (sample !== undefined && sample.length > 0) {
      const found = checkFields(sample, fields, others, h);
      if (found.length > 0) {
        for (const f of found) problems.push(`${label}: ${f}`);
        return;
      }
      verified = true;
      try {
        const families = applyCollector({ ...definition, maxSeries: undefined, checkInput: undefined }, { [h]: sample }, {}, { pageSize: 4096 });
        const series = families.reduce((n, f) => n + f.samples.length, 0);
        if (series > (maxSeries as number)) {
          problems.push(`${label}: ${series} series in a sample of ${procfs.root}/${h}, over the limit of ${maxSeries as number} (maxSeries)`);
          return;
        }
      } catch (error) {
        problems.push(`${label}: ${(error as Error).message.replace(`${collectorName}: `, '')} in a sample of ${procfs.root}/${h} (labels must tell the records apart)`);
        return;
      }
    }
    settings.push({ name: collectorName, definition, enabled: entry.enabled !== false, intervalMs, timeoutMs, options: {} });
  });
  return { settings, problems };
}
