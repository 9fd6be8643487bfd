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
import type { default as AjvClass, ErrorObject, FuncKeywordDefinition, ValidateFunction } from 'ajv';
import type { CollectorDefinition, CollectorTable } from '../collector';
import { CUSTOM_KEYWORDS, customKeywords, groupKeywords, isObject } from './keywords';
import { MIN_INTERVAL_MS, parseDuration, parseListenAddress } from './values';

// ---- the schema ------------------------------------------------------------------------------

const duration = { type: 'string', format: 'duration' };
const interval = { ...duration, minDuration: MIN_INTERVAL_MS };

function optionSchema(type: string): object {
  if (type === 'number') return { type: 'number' };
  if (type === 'duration') return duration;
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
          names: {
            enum: ['procfs', 'process-exporter'],
            message: 'expected procfs (procfs_group_* names) or process-exporter (namedprocess_namegroup_*), got %v',
          },
          children: { type: 'boolean' },
          threads: { type: 'boolean' },
          gatherSmaps: { type: 'boolean' },
          recheck: { type: 'boolean' },
          removeEmptyGroups: { type: 'boolean' },
          maxSeries: { type: 'integer', minimum: 1, message: 'expected a positive integer' },
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
  const text = typeof message === 'string' ? message : (message?.[error.keyword] ?? message?.['*']);
  return text?.replace('%v', JSON.stringify(error.data));
}

function describe(error: ErrorObject, document: unknown): string {
  const key = keyOf(error.instancePath, document);
  const at = (k: string): string => (k === '' ? '(top level)' : k);
  if (CUSTOM_KEYWORDS.has(error.keyword)) return `${at(key)}: ${error.message ?? 'invalid'}`;
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

/** An ajv with the formats and annotations every schema here uses, and these custom keywords. */
function newAjv(keywords: readonly FuncKeywordDefinition[]): AjvClass {
  // ajv is loaded only when a config is validated.
  const Ajv = (require('ajv') as { default: typeof AjvClass }).default;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  ajv.addFormat('duration', { type: 'string', validate: (s: string) => parseDuration(s) !== undefined });
  ajv.addFormat('listen-address', { type: 'string', validate: (s: string) => parseListenAddress(s) !== undefined });
  ajv.addKeyword({ keyword: 'message', schemaType: ['string', 'object'] });
  ajv.addKeyword({ keyword: 'unknownKey', schemaType: 'string' });
  for (const keyword of keywords) ajv.addKeyword(keyword);
  return ajv;
}

let validators = new WeakMap<CollectorTable, ValidateFunction>();

/**
 * Forgets the compiled validators (the exporter calls it once its configuration
 * is loaded): ajv's generated code for this schema holds ~2 MB of heap that the
 * exporter otherwise keeps for the next SIGHUP; that reload compiles it again.
 */
export function releaseValidators(): void {
  validators = new WeakMap();
  processExporterValidator = undefined;
}

function validatorFor(table: CollectorTable): ValidateFunction {
  let validate = validators.get(table);
  if (validate) return validate;
  validate = newAjv(customKeywords(table)).compile(configSchema(table));
  validators.set(table, validate);
  return validate;
}

function problemsOf(validate: ValidateFunction, document: unknown): string[] {
  if (validate(document)) return [];
  // `type: ['object','null']` and friends can report the same key twice.
  return [...new Set((validate.errors ?? []).map((error) => describe(error, document)))];
}

/** Validates a parsed config document; returns one message per problem, in the order found. */
export function validateConfig(document: unknown, table: CollectorTable): string[] {
  if (document === null || document === undefined) return [];
  return problemsOf(validatorFor(table), document);
}

/** process-exporter's config file (`-config.path`): `process_names:`, a list of groups as process_groups has them. */
export const processExporterSchema = {
  type: 'object',
  message: "expected process-exporter's configuration (process_names: a list of groups)",
  required: ['process_names'],
  unknownKey: 'pathListed',
  additionalProperties: false,
  properties: {
    process_names: {
      type: 'array',
      minItems: 1,
      items: groupSchema,
      message: { type: 'expected a list of groups', minItems: 'expected at least one group' },
    },
  },
};

let processExporterValidator: ValidateFunction | undefined;

/** Validates a parsed process-exporter config file; one message per problem (`process_names[0].cmdline: …`). */
export function validateProcessExporterConfig(document: unknown): string[] {
  processExporterValidator ??= newAjv(groupKeywords()).compile(processExporterSchema);
  return problemsOf(processExporterValidator, document);
}
