/**
 * The one validator of config.yaml: a JSON Schema (ajv) built from the
 * collector table, covering every key — the collectors' options, `mappings`
 * and `process_groups` included. What JSON Schema cannot say (a handler that
 * exists, a regular expression that compiles, names unique across entries)
 * is said by the custom keywords below, inside the same validation.
 *
 * Every problem is one line naming the key: `collectors.diskstats.interval:
 * expected a duration like 15s`, `mappings[0] (snmp6_counters): unknown
 * handler …`, `process_groups[1].cmdline: invalid regular expression: …`.
 * Messages come from the schema's `message` annotations (a text, or one per
 * failed keyword; `%v` is the value found) and `unknownKey` (how an unknown
 * key is reported), else from the defaults in describe().
 */
import Ajv, { type ErrorObject, type FuncKeywordDefinition, type SchemaValidateFunction, type ValidateFunction } from 'ajv';
import type { DataValidationCxt } from 'ajv/dist/types';
import {
  GROUP_NAME_TEMPLATE,
  GROUP_TEMPLATE_VARIABLES,
  isValidLabelName,
  isValidMetricName,
  PID_FIELD,
  type CollectorDefinition,
  type CollectorTable,
} from '../collector';
import { handlerPattern } from '../handler';
import { getHandler } from '../registry';
import type { RawMapping } from './types';

// ---- values ----------------------------------------------------------------------------------

const DURATION = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds of a Prometheus-style duration (`15s`, `1m30s`, `500ms`); undefined if invalid or zero. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === '') return undefined;
  const [h, min, s, ms] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const total = ((h * 60 + min) * 60 + s) * 1000 + ms;
  return total > 0 ? total : undefined;
}

/** The shortest interval between two runs of a collector: below it the exporter would mostly measure itself. */
export const MIN_INTERVAL_MS = 1000;

const ADDRESS = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]*)):(\d{1,5})$/;

export function parseListenAddress(text: string): { host?: string; port: number } | undefined {
  const m = ADDRESS.exec(text);
  if (!m) return undefined;
  const port = Number(m[3]);
  if (port > 65535) return undefined;
  const host = m[1] ?? m[2];
  return { host: host === '' ? undefined : host, port };
}

/** Why `source` is not a regular expression (`/^(Tcp/: Unterminated group`), or undefined when it is one. */
export function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

// ---- mappings: names derived from an entry (shared with load.ts) -------------------------------

export const DEFAULT_PREFIX = 'procfs_';
export const DEFAULT_MAX_SERIES = 10_000;
/** Name prefixes owned by other parts of the exporter. */
const RESERVED_PREFIXES: readonly [string, string][] = [
  ['node_', 'the built-in (node_exporter) collectors'],
  ['process_', "the exporter's own process metrics"],
  ['procfs_group_', 'process_groups'],
];

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `kB.VmRSS` → `kB_VmRSS` (a metric-name or label-name part). */
function namePart(field: string): string {
  return field.replace(/^\$/, '').replace(/[^a-zA-Z0-9_]/g, '_');
}

/** An entry's value fields: `value`, or `values`. */
export function valueFieldsOf(entry: RawMapping): string[] {
  return entry.value !== undefined ? [entry.value] : entry.values ?? [];
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
function checkKeyword(keyword: string, check: (schemaValue: any, data: unknown, cxt: DataValidationCxt) => Problem[]): FuncKeywordDefinition {
  const validate: SchemaValidateFunction = (schemaValue, data, _parentSchema, cxt) => {
    const problems = check(schemaValue, data, cxt!);
    validate.errors = problems.map((p) => ({ keyword, instancePath: p.at ?? cxt!.instancePath, message: p.message, params: {} }));
    return problems.length === 0;
  };
  return { keyword, validate, errors: true };
}

const CUSTOM = new Set(['regex', 'minDuration', 'handler', 'field', 'mappingEntry', 'mappingList', 'filter', 'stringList', 'processGroup']);

/** The instance path of the value holding the one at `path` (`/mappings/0/value` → `/mappings/0`). */
function parentPath(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** The mapping entry an instance path is inside (`/mappings/3/...`). */
function entryAt(cxt: DataValidationCxt): RawMapping | undefined {
  const m = /^\/mappings\/(\d+)/.exec(cxt.instancePath);
  const root = cxt.rootData as { mappings?: unknown };
  const entry = m && Array.isArray(root.mappings) ? root.mappings[Number(m[1])] : undefined;
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
  if (name.startsWith('pid/') && !pattern.startsWith('<pid>/')) return [{ at, message: `handler ${name} is not read from a process directory` }];
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
  else if (entry.value === undefined && entry.values === undefined) problems.push('value: missing (the field holding the number, e.g. value or kB.VmRSS)');
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
    else if (typeof valueLabel !== 'string' || !isValidLabelName(valueLabel)) problems.push(`valueLabel: invalid label name ${JSON.stringify(valueLabel)}`);
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

/** A string, or a non-empty list of non-empty strings; with `regex`, each one compiles. */
const stringListKeyword = checkKeyword('stringList', (kind: 'strings' | 'regex', data) => {
  const list = typeof data === 'string' ? [data] : data;
  if (!Array.isArray(list) || list.length === 0 || list.some((s) => typeof s !== 'string' || s === '')) {
    return [{ message: 'expected a non-empty list of strings' }];
  }
  if (kind !== 'regex') return [];
  return (list as string[]).flatMap((source) => {
    const problem = regexProblem(source);
    return problem === undefined ? [] : [{ message: `invalid regular expression: ${problem}` }];
  });
});

/** A process group: a matcher, and a name template whose variables exist. */
const processGroupKeyword = checkKeyword('processGroup', (_: true, data, cxt) => {
  if (!isObject(data)) return [];
  const problems: Problem[] = [];
  if (data.comm === undefined && data.exe === undefined && data.cmdline === undefined) problems.push({ message: 'needs comm, exe or cmdline' });
  const name = data.name;
  if (typeof name !== 'string' || name === '') return problems;
  const sources = typeof data.cmdline === 'string' ? [data.cmdline] : Array.isArray(data.cmdline) ? data.cmdline : [];
  const captures = new Set<string>();
  for (const source of sources) {
    if (typeof source === 'string' && regexProblem(source) === undefined) for (const m of source.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)) captures.add(m[1]);
  }
  const at = `${cxt.instancePath}/name`;
  for (const m of name.matchAll(GROUP_NAME_TEMPLATE)) {
    if (!GROUP_TEMPLATE_VARIABLES.includes(m[1])) problems.push({ at, message: `unknown template variable .${m[1]} (known: ${GROUP_TEMPLATE_VARIABLES.map((v) => `.${v}`).join(', ')})` });
    else if (m[1] === 'Matches' && (m[2] === undefined || !captures.has(m[2]))) {
      const known = captures.size > 0 ? [...captures].join(', ') : 'none';
      problems.push({ at, message: `{{.Matches.${m[2] ?? ''}}} names no capture of the cmdline regexes (${known})` });
    } else if (m[1] !== 'Matches' && m[2] !== undefined) problems.push({ at, message: `.${m[1]} has no field .${m[2]}` });
  }
  if (/\{\{/.test(name.replace(GROUP_NAME_TEMPLATE, ''))) problems.push({ at, message: 'malformed template (expected {{.Comm}}, {{.Matches.name}}, …)' });
  return problems;
});

// ---- the schema ------------------------------------------------------------------------------

const duration = { type: 'string', format: 'duration' };
const interval = { ...duration, minDuration: MIN_INTERVAL_MS };

function optionSchema(type: string): object {
  if (type === 'number') return { type: 'number' };
  if (type === 'boolean') return { type: 'boolean' };
  if (type === 'regex') return { type: 'string', regex: 'plain' };
  if (type === 'list') return { type: 'array', items: { type: 'string' } };
  return { type: 'string' };
}

function collectorSchema(definition: CollectorDefinition): object {
  const properties: Record<string, object> = { enabled: { type: 'boolean' }, interval, timeout: duration };
  for (const [name, spec] of Object.entries(definition.options ?? {})) properties[name] = optionSchema(spec.type);
  return { type: ['object', 'null'], additionalProperties: false, properties };
}

const FIELD_MESSAGE = 'expected a field name (a dotted path such as kB.VmRSS)';

const filterKeys = {
  unknownKey: 'listed',
  additionalProperties: false,
  required: ['field'],
  properties: {
    field: { type: 'string', message: FIELD_MESSAGE, field: 'here' },
    equals: { type: ['string', 'number', 'boolean'], message: 'expected a string or a number' },
    matches: { type: 'string', message: 'expected a regular expression', regex: 'anchored' },
  },
  filter: true,
};
const filterSchema = { type: 'object', message: 'expected { field, equals } or { field, matches }', ...filterKeys };

const mappingSchema = {
  type: 'object',
  message: 'expected a mapping with name, handler and value',
  unknownKey: 'listed',
  additionalProperties: false,
  required: ['name', 'handler'],
  properties: {
    name: { type: 'string', pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$', message: 'expected letters, digits and _ (e.g. snmp6_counters)' },
    handler: { type: 'string', message: 'expected a handler name such as net/snmp6 (proc2json --list)', handler: true },
    metric: { type: 'string', minLength: 1, message: 'expected a metric name' },
    prefix: { type: 'string', message: 'expected a string' },
    help: { type: 'string' },
    type: { enum: ['gauge', 'counter', 'untyped'], message: 'expected gauge, counter or untyped, got %v' },
    value: { field: 'value' },
    values: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { field: 'value' },
      message: { uniqueItems: 'a field is listed twice', '*': 'expected a non-empty list of fields' },
    },
    valueLabel: {},
    labels: { type: ['array', 'object'], message: 'expected a list of fields or a mapping label: field' },
    scale: { type: 'number', message: 'expected a number (1024 for kB → bytes)' },
    where: { ...filterSchema, type: ['object', 'array'], items: filterSchema },
    interval,
    timeout: duration,
    maxSeries: { type: 'integer', minimum: 1, message: 'expected a positive integer' },
    enabled: { type: 'boolean' },
  },
  mappingEntry: true,
};

const groupSchema = {
  type: 'object',
  message: 'expected a mapping with comm, exe or cmdline',
  unknownKey: 'listed',
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, message: 'expected a group name or template such as {{.Comm}}' },
    comm: { stringList: 'strings' },
    exe: { stringList: 'strings' },
    cmdline: { stringList: 'regex' },
  },
  processGroup: true,
};

export function configSchema(table: CollectorTable): object {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      web: {
        type: 'object',
        additionalProperties: false,
        properties: {
          listenAddress: { type: 'string', format: 'listen-address' },
          telemetryPath: { type: 'string', pattern: '^/', message: { pattern: 'expected a path starting with /' } },
          configFile: { type: 'string', minLength: 1 },
          maxRequests: { type: 'integer', minimum: 0 },
        },
      },
      procfs: { type: 'string', minLength: 1 },
      sysfs: { type: 'string', minLength: 1 },
      rootfs: { type: 'string', minLength: 1 },
      interval,
      log: {
        type: 'object',
        additionalProperties: false,
        properties: { level: { enum: ['debug', 'info', 'warn', 'error'] }, format: { enum: ['json', 'logfmt'] } },
      },
      collectors: {
        type: 'object',
        unknownKey: 'collector',
        additionalProperties: false,
        properties: Object.fromEntries(Object.entries(table).map(([name, def]) => [name, collectorSchema(def)])),
      },
      mappings: { type: ['array', 'null'], items: mappingSchema, mappingList: true },
      process_groups: {
        type: ['array', 'object', 'null'],
        message: { type: 'expected a list of groups' },
        items: groupSchema,
        unknownKey: 'pathListed',
        additionalProperties: false,
        properties: {
          groups: { type: ['array', 'null'], message: { type: 'expected a list of groups' }, items: groupSchema },
          interval,
          timeout: duration,
          enabled: { type: 'boolean' },
        },
      },
      dump: {
        type: 'object',
        additionalProperties: false,
        properties: {
          enabled: { type: 'boolean' },
          perProcess: { type: 'boolean' },
          environOfOtherProcesses: { type: 'boolean' },
          maxBytes: { type: 'integer', minimum: 1 },
          timeout: duration,
        },
      },
    },
  };
}

// ---- messages --------------------------------------------------------------------------------

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  number: 'a number',
  object: 'a mapping',
  'object,null': 'a mapping',
  array: 'a list of strings',
  'array,null': 'a list',
};

/**
 * An instance path as the messages name it: `/collectors/diskstats/interval` →
 * `collectors.diskstats.interval`, list items as `[i]`, and a mapping as
 * `mappings[0] (its name): ` before its own keys.
 */
function keyOf(instancePath: string, document: unknown): string {
  const segments = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let key = '';
  let separator = '.';
  let current: unknown = document;
  segments.forEach((segment, i) => {
    key += Array.isArray(current) ? `[${segment}]` : `${key === '' ? '' : separator}${segment}`;
    separator = '.';
    current = isObject(current) || Array.isArray(current) ? (current as Record<string, unknown>)[segment] : undefined;
    if (i === 1 && segments[0] === 'mappings') {
      if (isObject(current) && typeof current.name === 'string') key += ` (${current.name})`;
      separator = ': ';
    }
  });
  return key;
}

function annotated(error: ErrorObject): string | undefined {
  const message = (error.parentSchema as { message?: string | Record<string, string> } | undefined)?.message;
  const text = typeof message === 'string' ? message : message?.[error.keyword] ?? message?.['*'];
  return text?.replace('%v', JSON.stringify(error.data));
}

function describe(error: ErrorObject, document: unknown): string {
  const key = keyOf(error.instancePath, document);
  const at = (k: string): string => (k === '' ? '(top level)' : k);
  if (CUSTOM.has(error.keyword)) return `${at(key)}: ${error.message ?? 'invalid'}`;
  const schema = error.parentSchema as { unknownKey?: string; properties?: Record<string, { message?: string }> } | undefined;
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys(schema?.properties ?? {}).join(', ');
    const full = keyOf(`${error.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`, document);
    if (schema?.unknownKey === 'collector') return `${full}: unknown collector (known: ${known})`;
    if (schema?.unknownKey === 'listed') return `${key}: unknown key ${extra} (known: ${known})`;
    if (schema?.unknownKey === 'pathListed') return `${full}: unknown key (known: ${known})`;
    return `${full}: unknown key`;
  }
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    const message = schema?.properties?.[missing]?.message;
    return `${keyOf(`${error.instancePath}/${missing}`, document)}: ${typeof message === 'string' ? message : 'missing'}`;
  }
  const text = annotated(error);
  if (text !== undefined) return `${at(key)}: ${text}`;
  switch (error.keyword) {
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
    case 'minLength':
      return `${key}: must not be empty`;
    default:
      return `${at(key)}: ${error.message ?? 'invalid'}`;
  }
}

const validators = new WeakMap<CollectorTable, ValidateFunction>();

function validatorFor(table: CollectorTable): ValidateFunction {
  let validate = validators.get(table);
  if (validate) return validate;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  ajv.addFormat('duration', { type: 'string', validate: (s: string) => parseDuration(s) !== undefined });
  ajv.addFormat('listen-address', { type: 'string', validate: (s: string) => parseListenAddress(s) !== undefined });
  ajv.addKeyword({ keyword: 'message', schemaType: ['string', 'object'] });
  ajv.addKeyword({ keyword: 'unknownKey', schemaType: 'string' });
  for (const k of [regexKeyword, minDurationKeyword, handlerKeyword, fieldKeyword, mappingEntryKeyword, filterKeyword, mappingListKeyword(table), stringListKeyword, processGroupKeyword]) {
    ajv.addKeyword(k);
  }
  validate = ajv.compile(configSchema(table));
  validators.set(table, validate);
  return validate;
}

/** Validates a parsed config document; returns one message per problem, in the order found. */
export function validateConfig(document: unknown, table: CollectorTable): string[] {
  if (document === null || document === undefined) return [];
  const validate = validatorFor(table);
  if (validate(document)) return [];
  // `type: ['object','null']` and friends can report the same key twice.
  return [...new Set((validate.errors ?? []).map((error) => describe(error, document)))];
}
