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
 * The configuration validates the entry (src/config/schema.ts) and hands over
 * a MappingSpec. Record types are TypeScript types, not available at run time,
 * so fields are checked against a sample parse of the file when the exporter
 * starts (checkAtStart: the procfs root's file; for pid/* handlers `self`, else
 * the first process). When the file is absent or has no records then, the
 * check is deferred to the runs: a run whose records lack a field fails,
 * naming the mapping.
 */
import {
  applyCollector,
  flatten,
  getPath,
  PID_FIELD,
  readProcess,
  walkProcesses,
  type CollectorDefinition,
  type CollectorInput,
  type MappingSpec,
  type MetricMapping,
  type ProcFs,
} from '../src/collector';
import { getHandler } from '../src/registry';

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
      const sub = Object.keys(flatten(present[0]))
        .slice(0, 5)
        .map((k) => `${field}.${k}`);
      problems.push(`field ${field} is not a single value (use a dotted path such as ${sub.join(', ')})`);
      return;
    }
    if (numeric && !present.some((v) => typeof v === 'number'))
      problems.push(`field ${field} is not numeric (${JSON.stringify(present[0])})`);
  };
  for (const f of values) if (f !== PID_FIELD) check(f, true);
  for (const f of others) if (f !== PID_FIELD) check(f, false);
  return problems;
}

/** Per-process handlers read every process; records gain `$pid`. */
async function processRecords(handler: string, procfs: ProcFs): Promise<object[]> {
  const out: object[] = [];
  for await (const p of walkProcesses({ procfs, files: [handler] })) {
    for (const r of p.files[handler] ?? []) out.push({ ...r, [PID_FIELD]: p.pid });
  }
  return out;
}

/** Processes tried for a sample of a per-process file when the tree has no /proc/self. */
const SAMPLE_PROCESSES = 16;

/** The records of a sample parse at start; undefined when the file is absent (or unreadable) now. */
function sampleRecords(handler: string, procfs: ProcFs): object[] | undefined {
  try {
    if (handler.startsWith('pid/')) {
      // The reader itself, else the first process that has the file (pid 1 of a capture may hold only its mount table).
      const self = procfs.exists('self') ? Number(procfs.readLink('self')) : NaN;
      const candidates = Number.isInteger(self) && self > 0 ? [self] : procfs.pids().slice(0, SAMPLE_PROCESSES);
      for (const pid of candidates) {
        const records = readProcess(procfs, pid, [handler])?.files[handler] ?? [];
        if (records.length > 0) return records.map((r) => ({ ...r, [PID_FIELD]: pid }));
      }
      return undefined;
    }
    return getHandler(handler)!.parse(procfs.readText(handler), `${procfs.root}/${handler}`);
  } catch {
    return undefined; // absent now, or a parse error: the runs will report it
  }
}

function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The collector of one `mappings:` entry: one MetricMapping per value field. */
export function mappingCollector(spec: MappingSpec): CollectorDefinition {
  const { handler: h, label, values, valueLabel } = spec;
  const collectorName = `mapping:${spec.name}`;
  const split = spec.metricNames.length > 1;
  const filters = spec.where.map((f) => ({ ...f, matches: f.matches === undefined ? undefined : new RegExp(`^(?:${f.matches})$`) }));
  const where =
    filters.length === 0
      ? undefined
      : (record: object): boolean =>
          filters.every((f) => {
            const v = getPath(record, f.field);
            if (v === undefined || v === null) return false;
            return f.equals !== undefined ? String(v) === String(f.equals) : f.matches!.test(String(v));
          });
  const help = (field: string): string => {
    if (spec.help !== undefined) return spec.help;
    if (valueLabel !== undefined) return `${h} ${values.join(', ')} (config mapping ${spec.name}).`;
    return `${h} ${split ? field : values[0]} (config mapping ${spec.name}).`;
  };
  const metrics: MetricMapping[] = values.map((field, i) => ({
    from: h,
    where,
    name: split ? spec.metricNames[i] : spec.metricNames[0],
    help: help(field),
    type: spec.type,
    labels: valueLabel === undefined ? spec.labels : sortedKeys({ ...spec.labels, [valueLabel]: () => field }),
    value: field,
    scale: spec.scale,
  }));
  const others = [...Object.values(spec.labels), ...spec.where.map((f) => f.field)];
  /** Set once a parse with records has had every field: then runs need not check again. */
  let verified = false;
  const definition: CollectorDefinition = {
    name: collectorName,
    description: `config mapping ${spec.name} (${h})`,
    defaultEnabled: true,
    reads: { [h]: 'required' },
    metrics,
    maxSeries: spec.maxSeries,
    checkInput: (input: CollectorInput) => {
      if (verified) return;
      const records = input[h] ?? [];
      const found = checkFields(records, values, others, h);
      if (found.length > 0) throw new Error(`${label}: ${found.join('; ')}`);
      if (records.length > 0) verified = true;
    },
    gather: spec.perProcess ? async ({ procfs }) => ({ [h]: await processRecords(h, procfs) }) : undefined,
    // A sample parse of the file: fields, duplicate series, cardinality.
    checkAtStart: ({ procfs }) => {
      const sample = sampleRecords(h, procfs);
      if (sample === undefined || sample.length === 0) return [];
      const found = checkFields(sample, values, others, h);
      if (found.length > 0) return found.map((f) => `${label}: ${f}`);
      verified = true;
      try {
        const families = applyCollector(
          { ...definition, maxSeries: undefined, checkInput: undefined },
          { [h]: sample },
          {},
          { pageSize: 4096 },
        );
        const series = families.reduce((n, f) => n + f.samples.length, 0);
        if (series > spec.maxSeries)
          return [`${label}: ${series} series in a sample of ${procfs.root}/${h}, over the limit of ${spec.maxSeries} (maxSeries)`];
      } catch (error) {
        return [
          `${label}: ${(error as Error).message.replace(`${collectorName}: `, '')} in a sample of ${procfs.root}/${h} (labels must tell the records apart)`,
        ];
      }
      return [];
    },
  };
  return definition;
}
