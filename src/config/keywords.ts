/**
 * What JSON Schema cannot say about config.yaml, said inside the same
 * validation (schema.ts) by custom keywords: a regular expression compiles,
 * an interval is not too short, a handler exists and reads one file, a field
 * path is well formed, and what concerns several keys or entries — a
 * mapping's value or values and labels, the names and metric names of all
 * mappings, a process group's matcher and name template. Each keyword's
 * problems are its error messages.
 */
import type { DataValidationCxt } from 'ajv/dist/types';
import type { FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';
import {
  captureNames,
  GROUP_TEMPLATE_VARIABLES,
  goRegexProblem,
  isValidLabelName,
  isValidMetricName,
  parseNameTemplate,
  PID_FIELD,
  type CollectorTable,
} from '../collector';
import { handlerPattern } from '../handler';
import { getHandler } from '../registry';
import type { RawMapping } from './types';
import { parseDuration, regexProblem } from './values';

// ---- mappings: names derived from an entry (shared with load.ts) ---------------------------

export const DEFAULT_PREFIX = 'procfs_';
export const DEFAULT_MAX_SERIES = 10_000;
/** Name prefixes owned by other parts of the exporter. */
const RESERVED_PREFIXES: readonly [string, string][] = [
  ['node_', 'the built-in (node_exporter) collectors'],
  ['process_', "the exporter's own process metrics"],
  ['procfs_group_', 'process_groups'],
  ['namedprocess_', "process_groups (process-exporter's names)"],
];

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `kB.VmRSS` → `kB_VmRSS` (a metric-name or label-name part). */
function namePart(field: string): string {
  return field.replace(/^\$/, '').replace(/[^a-zA-Z0-9_]/g, '_');
}

/** An entry's value fields: `value`, or `values`. */
export function valueFieldsOf(entry: RawMapping): string[] {
  return entry.value !== undefined ? [entry.value] : (entry.values ?? []);
}

/** An entry's labels as label → field (a list of fields names each label after its field). */
export function labelFieldsOf(entry: RawMapping): Record<string, string> {
  if (!Array.isArray(entry.labels)) return { ...(entry.labels ?? {}) };
  return Object.fromEntries(entry.labels.map((f) => [typeof f === 'string' ? namePart(f) : String(f), f]));
}

/** Metric names: `<prefix><metric>[_<field>][_total]`, one per value field when each is its own metric. */
export function mappingMetricNames(entry: RawMapping): string[] {
  const type = entry.type ?? 'gauge';
  const metricName = (field: string | undefined): string => {
    const n = `${entry.prefix ?? DEFAULT_PREFIX}${entry.metric ?? entry.name}${field === undefined ? '' : `_${namePart(field)}`}`;
    return type === 'counter' && !n.endsWith('_total') ? `${n}_total` : n;
  };
  const values = valueFieldsOf(entry);
  return values.length > 1 && entry.valueLabel === undefined ? values.map((f) => metricName(f)) : [metricName(undefined)];
}

// ---- custom keywords -------------------------------------------------------------------------

interface Problem {
  /** Where (an instance path); default: the value the keyword is on. */
  at?: string;
  message: string;
}

/** A keyword whose check returns problems (their messages are the output's). */
function checkKeyword(
  keyword: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ajv passes each keyword's own schema value, whose type the keyword's meta-schema fixes
  check: (schemaValue: any, data: unknown, cxt: DataValidationCxt) => Problem[],
): FuncKeywordDefinition {
  const validate: SchemaValidateFunction = (schemaValue, data, _parentSchema, cxt) => {
    const problems = check(schemaValue, data, cxt!);
    validate.errors = problems.map((p) => ({ keyword, instancePath: p.at ?? cxt!.instancePath, message: p.message, params: {} }));
    return problems.length === 0;
  };
  return { keyword, validate, errors: true };
}

/** The instance path of the value holding the one at `path` (`/mappings/0/value` → `/mappings/0`). */
function parentPath(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** The mapping entry an instance path is inside (`/mappings/3/...`). */
function entryAt(cxt: DataValidationCxt): RawMapping | undefined {
  const m = /^\/mappings\/(\d+)/.exec(cxt.instancePath);
  const root = cxt.rootData as { mappings?: unknown };
  const entry = m && Array.isArray(root.mappings) ? (root.mappings as unknown[])[Number(m[1])] : undefined;
  return isObject(entry) ? (entry as unknown as RawMapping) : undefined;
}

function isPerProcess(entry: RawMapping | undefined): boolean {
  return typeof entry?.handler === 'string' && entry.handler.startsWith('pid/');
}

/** What is wrong with a field path of a mapping (`kB.VmRSS`, `$pid`), or undefined. */
function fieldProblem(field: unknown, perProcess: boolean): string | undefined {
  if (typeof field !== 'string' || field === '') return 'expected a field name (a dotted path such as kB.VmRSS)';
  if (field === PID_FIELD) return perProcess ? undefined : `${PID_FIELD} exists only for per-process (pid/*) handlers`;
  if (field.startsWith('$')) return `unknown field ${field}`;
  if (field.split('.').some((p) => p === '')) return `invalid field path ${JSON.stringify(field)}`;
  return undefined;
}

const regexKeyword = checkKeyword('regex', (anchored: 'plain' | 'anchored', data) => {
  if (typeof data !== 'string') return [];
  const problem = regexProblem(anchored === 'anchored' ? `^(?:${data})$` : data);
  return problem === undefined ? [] : [{ message: `invalid regular expression: ${problem}` }];
});

const minDurationKeyword = checkKeyword('minDuration', (min: number, data) => {
  const ms = typeof data === 'string' ? parseDuration(data) : undefined;
  if (ms === undefined || ms >= min) return [];
  return [{ message: `expected at least ${min / 1000}s, got ${data as string} (the shortest interval)` }];
});

const handlerKeyword = checkKeyword('handler', (_: true, name, cxt) => {
  if (typeof name !== 'string') return [];
  const at = parentPath(cxt.instancePath);
  const handler = getHandler(name);
  if (!handler) return [{ at, message: `unknown handler ${name} (proc2json --list shows the names)` }];
  if (handler.refuse !== undefined) return [{ at, message: `handler ${name} is not parsed (${handler.refuse})` }];
  const pattern = handlerPattern(handler);
  if (pattern.includes('*')) return [{ at, message: `handler ${name} reads a folder of files (${pattern}); a mapping reads one file` }];
  if (name.startsWith('pid/') && !pattern.startsWith('<pid>/'))
    return [{ at, message: `handler ${name} is not read from a process directory` }];
  return [];
});

/** A field path: `value` style reports on the entry (`value "x": …`), `here` on the key itself. */
const fieldKeyword = checkKeyword('field', (style: 'value' | 'here', data, cxt) => {
  if (style === 'here' && typeof data !== 'string') return [];
  const problem = fieldProblem(data, isPerProcess(entryAt(cxt)));
  if (problem === undefined) return [];
  if (style === 'here') return [{ message: problem }];
  return [{ at: cxt.instancePath.replace(/^(\/mappings\/\d+).*$/, '$1'), message: `value ${JSON.stringify(data)}: ${problem}` }];
});

/** What concerns several keys of one mapping: value or values, labels, valueLabel. */
const mappingEntryKeyword = checkKeyword('mappingEntry', (_: true, data) => {
  if (!isObject(data)) return [];
  const entry = data as unknown as RawMapping;
  const problems: string[] = [];
  if (entry.value !== undefined && entry.values !== undefined) problems.push('value and values are mutually exclusive');
  else if (entry.value === undefined && entry.values === undefined)
    problems.push('value: missing (the field holding the number, e.g. value or kB.VmRSS)');
  const perProcess = isPerProcess(entry);
  const labels = Array.isArray(entry.labels) || isObject(entry.labels) ? labelFieldsOf(entry) : {};
  for (const [label, field] of Object.entries(labels)) {
    if (!isValidLabelName(label)) problems.push(`labels: invalid label name ${JSON.stringify(label)}`);
    const problem = fieldProblem(field, perProcess);
    if (problem) problems.push(`labels.${label}: ${problem}`);
  }
  const valueLabel: unknown = entry.valueLabel;
  if (valueLabel !== undefined) {
    if (entry.values === undefined) problems.push('valueLabel: only with values (several fields)');
    else if (typeof valueLabel !== 'string' || !isValidLabelName(valueLabel))
      problems.push(`valueLabel: invalid label name ${JSON.stringify(valueLabel)}`);
    else if (valueLabel in labels) problems.push(`valueLabel: ${valueLabel} is also in labels`);
  }
  return problems.map((message) => ({ message }));
});

/** A `where` test: exactly one of equals, matches. */
const filterKeyword = checkKeyword('filter', (_: true, data) => {
  if (!isObject(data) || (data.equals === undefined) !== (data.matches === undefined)) return [];
  return [{ message: 'expected exactly one of equals, matches' }];
});

/** Static metric names of the built-in collectors (a mapping may not produce one). */
function builtinNames(table: CollectorTable): Set<string> {
  const names = new Set<string>(['node_scrape_collector_success', 'node_scrape_collector_duration_seconds']);
  for (const def of Object.values(table)) for (const m of def.metrics) if (typeof m.name === 'string') names.add(m.name);
  return names;
}

/** Whether the keys that make an entry's metric names hold what they should (else their own checks report). */
function namesAreDerivable(entry: Record<string, unknown>): boolean {
  const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
  const values = entry.values === undefined ? [entry.value] : entry.values;
  return (
    typeof entry.name === 'string' &&
    optionalString(entry.prefix) &&
    optionalString(entry.metric) &&
    entry.metric !== '' &&
    ['gauge', 'counter', 'untyped', undefined].includes(entry.type as string | undefined) &&
    Array.isArray(values) &&
    values.every((v) => typeof v === 'string')
  );
}

/** What concerns several mappings: names, and the metric names they produce. */
function mappingListKeyword(table: CollectorTable): FuncKeywordDefinition {
  const builtins = builtinNames(table);
  return checkKeyword('mappingList', (_: true, data, cxt) => {
    if (!Array.isArray(data)) return [];
    const problems: Problem[] = [];
    const names = new Set<string>();
    const owners = new Map<string, string>();
    data.forEach((entry: unknown, index) => {
      if (!isObject(entry) || !namesAreDerivable(entry)) return;
      const at = `${cxt.instancePath}/${index}`;
      const name = entry.name as string;
      if (names.has(name)) return problems.push({ at, message: `name ${name} is used by an earlier mapping` });
      names.add(name);
      for (const n of mappingMetricNames(entry as unknown as RawMapping)) {
        const reserved = RESERVED_PREFIXES.find(([p]) => n.startsWith(p));
        if (!isValidMetricName(n)) problems.push({ at, message: `invalid metric name ${JSON.stringify(n)}` });
        else if (builtins.has(n)) problems.push({ at, message: `metric ${n} collides with a built-in collector's metric` });
        else if (reserved) problems.push({ at, message: `metric ${n} collides with ${reserved[1]} (prefix ${reserved[0]})` });
        else if (owners.has(n)) problems.push({ at, message: `metric ${n} is also produced by ${owners.get(n)!}` });
        else owners.set(n, `mappings[${index}] (${name})`);
      }
    });
    return problems;
  });
}

/** A string, or a non-empty list of non-empty strings; with `regex`, each one is a Go (RE2) regex we can run. */
const stringListKeyword = checkKeyword('stringList', (kind: 'strings' | 'regex', data) => {
  const list = typeof data === 'string' ? [data] : data;
  if (!Array.isArray(list) || list.length === 0 || list.some((s) => typeof s !== 'string' || s === '')) {
    return [{ message: 'expected a non-empty list of strings' }];
  }
  if (kind !== 'regex') return [];
  return (list as string[]).flatMap((source) => {
    const problem = goRegexProblem(source);
    return problem === undefined ? [] : [{ message: `invalid regular expression: ${problem}` }];
  });
});

/** A process group: a matcher, and a name template (Go's text/template, as process-exporter) whose variables exist. */
const processGroupKeyword = checkKeyword('processGroup', (_: true, data, cxt) => {
  if (!isObject(data)) return [];
  const problems: Problem[] = [];
  if (data.comm === undefined && data.exe === undefined && data.cmdline === undefined)
    problems.push({ message: 'needs comm, exe or cmdline' });
  const name = data.name;
  if (typeof name !== 'string' || name === '') return problems;
  const sources = typeof data.cmdline === 'string' ? [data.cmdline] : Array.isArray(data.cmdline) ? data.cmdline : [];
  const captures = new Set<string>();
  for (const source of sources) {
    if (typeof source === 'string' && goRegexProblem(source) === undefined) for (const c of captureNames(source)) captures.add(c);
  }
  const at = `${cxt.instancePath}/name`;
  const template = parseNameTemplate(name);
  if (template.problem !== undefined) return [...problems, { at, message: template.problem }];
  const known = GROUP_TEMPLATE_VARIABLES.map((v) => `.${v}`).join(', ');
  for (const part of template.parts) {
    if (!('variable' in part)) continue;
    const { variable, field } = part;
    if (!GROUP_TEMPLATE_VARIABLES.includes(variable)) {
      problems.push({ at, message: `unknown template variable .${variable} (known: ${known})` });
    } else if (variable === 'Matches' && field !== undefined && !captures.has(field)) {
      const names = captures.size > 0 ? [...captures].join(', ') : 'none';
      problems.push({ at, message: `{{.Matches.${field}}} names no capture of the cmdline regexes (${names})` });
    } else if (variable !== 'Matches' && field !== undefined) problems.push({ at, message: `.${variable} has no field .${field}` });
  }
  return problems;
});

/** Their names: describe() takes their messages as they are. */
export const CUSTOM_KEYWORDS = new Set([
  'regex',
  'minDuration',
  'handler',
  'field',
  'mappingEntry',
  'mappingList',
  'filter',
  'stringList',
  'processGroup',
]);

/** The keywords a process group's schema uses (process-exporter's config file has nothing else). */
export function groupKeywords(): FuncKeywordDefinition[] {
  return [stringListKeyword, processGroupKeyword];
}

/** The custom keywords, for a validator of this collector table. */
export function customKeywords(table: CollectorTable): FuncKeywordDefinition[] {
  return [
    regexKeyword,
    minDurationKeyword,
    handlerKeyword,
    fieldKeyword,
    mappingEntryKeyword,
    filterKeyword,
    mappingListKeyword(table),
    stringListKeyword,
    processGroupKeyword,
  ];
}
