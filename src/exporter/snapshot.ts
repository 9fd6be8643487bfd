/**
 * A snapshot: the latest complete run of every enabled collector, swapped in
 * whole by the scheduler. Each collector run is serialized once (per format,
 * the OpenMetrics text lazily) and each snapshot concatenates those cached
 * fragments once; /metrics sends the cached string (or its cached gzip).
 */
import { gzipSync } from 'zlib';
import { compareLabels, serializeFamily, type ExpositionFormat, type MetricFamily, type Sample } from './exposition';

export interface CollectorRun {
  collector: string;
  success: boolean;
  durationSeconds: number;
  families: MetricFamily[];
  /** Why the run failed. */
  error?: string;
  /** The run failed because a required file is absent (not on this kernel). */
  missing?: boolean;
  finishedAt: number;
  /** Serialized families ([name, text] each), filled on first use. */
  cache?: Partial<Record<ExpositionFormat, [string, string][]>>;
}

export function runTexts(run: CollectorRun, format: ExpositionFormat): [string, string][] {
  run.cache ??= {};
  return (run.cache[format] ??= run.families.map((f) => [f.name, serializeFamily(f, format)]));
}

/** node_exporter's per-collector scrape families, from the runs of a snapshot. */
export function scrapeFamilies(runs: readonly CollectorRun[]): MetricFamily[] {
  return [
    {
      name: 'node_scrape_collector_duration_seconds',
      help: 'node_exporter: Duration of a collector scrape.',
      type: 'gauge',
      samples: runs.map((r) => ({ labels: { collector: r.collector }, value: r.durationSeconds })),
    },
    {
      name: 'node_scrape_collector_success',
      help: 'node_exporter: Whether a collector succeeded.',
      type: 'gauge',
      samples: runs.map((r) => ({ labels: { collector: r.collector }, value: r.success ? 1 : 0 })),
    },
  ];
}

/** Collectors whose family names come from outside (operators' *.prom files): they rank last in a name conflict. */
const OUTSIDE_NAMES = new Set(['textfile']);

/** One family of the exposition: a collector run's own (its cached text is used), or built here (merged, or the exporter's own). */
interface Slot {
  name: string;
  source: string;
  family: MetricFamily;
  run?: CollectorRun;
  index?: number;
  /** Samples added from another source (same help and type), with the keys of every sample kept. */
  merged?: { samples: Sample[]; keys: Set<string> };
}

function sampleKey(familyName: string, sample: Sample): string {
  return `${sample.name ?? familyName}${JSON.stringify(Object.entries(sample.labels).sort((a, b) => (a[0] < b[0] ? -1 : 1)))}`;
}

/** `collect[]` selections kept per snapshot: a scrape job asks for the same one every time; beyond these, each is built anew. */
const MAX_SELECTIONS = 8;

export class Snapshot {
  private readonly texts: Partial<Record<ExpositionFormat, string>> = {};
  private readonly gzips: Partial<Record<ExpositionFormat, Buffer>> = {};
  private readonly bodies: Partial<Record<ExpositionFormat, Buffer>> = {};
  private planned?: { slots: Slot[]; conflicts: string[] };
  private readonly selections = new Map<string, Snapshot>();

  constructor(
    /** Runs in collector-table order. */
    readonly runs: readonly CollectorRun[],
    /** Families appended after the collectors' (the exporter's own process metrics). */
    readonly extra: readonly MetricFamily[] = [],
    readonly createdAt = Date.now(),
  ) {}

  run(collector: string): CollectorRun | undefined {
    return this.runs.find((r) => r.collector === collector);
  }

  /**
   * One family per name, as client_golang's gatherer keeps them: the first
   * source wins (the exporter's own families, then the collectors in table
   * order, the textfile collector last); a later family of the same name with
   * another help text or type is dropped whole, one with the same help and type
   * adds the series the first does not have, and a series already collected is
   * dropped. Each drop is a conflict, in node_exporter's words.
   */
  private plan(): { slots: Slot[]; conflicts: string[] } {
    if (this.planned) return this.planned;
    const slots = new Map<string, Slot>();
    const conflicts: string[] = [];
    const add = (slot: Slot): void => {
      const first = slots.get(slot.name);
      if (!first) return void slots.set(slot.name, slot);
      const { family } = slot;
      const where = `${slot.name} from the ${slot.source} collector`;
      if (family.help !== first.family.help) {
        conflicts.push(
          `${where} has help ${JSON.stringify(family.help)} but should have ${JSON.stringify(first.family.help)} (${first.source}'s); dropped`,
        );
        return;
      }
      if (family.type !== first.family.type) {
        conflicts.push(`${where} is a ${family.type} but should be a ${first.family.type} (${first.source}'s); dropped`);
        return;
      }
      if (family.type === 'histogram' || family.type === 'summary') {
        conflicts.push(`${where}: adding ${family.type} series to ${first.source}'s family is not supported; dropped`);
        return;
      }
      if (!first.merged) {
        const samples = first.family.samples.slice();
        first.merged = { samples, keys: new Set(samples.map((s) => sampleKey(first.name, s))) };
      }
      let duplicates = 0;
      for (const sample of family.samples) {
        const key = sampleKey(slot.name, sample);
        if (first.merged.keys.has(key)) duplicates++;
        else {
          first.merged.keys.add(key);
          first.merged.samples.push(sample);
        }
      }
      if (duplicates > 0) {
        conflicts.push(
          `${where}: ${duplicates} series were collected before (by ${first.source}) with the same name and label values; dropped`,
        );
      }
    };
    const sorted = [...this.runs].sort((a, b) => (a.collector < b.collector ? -1 : 1));
    for (const family of [...scrapeFamilies(sorted), ...this.extra]) add({ name: family.name, source: 'exporter', family });
    // A failed collector exports none of its series: they go stale in Prometheus.
    const ranked = this.runs.filter((r) => r.success && !OUTSIDE_NAMES.has(r.collector));
    for (const run of this.runs) if (run.success && OUTSIDE_NAMES.has(run.collector)) ranked.push(run);
    for (const run of ranked)
      run.families.forEach((family, index) => add({ name: family.name, source: run.collector, family, run, index }));
    for (const slot of slots.values()) slot.merged?.samples.sort((a, b) => compareLabels(a.labels, b.labels));
    return (this.planned = { slots: [...slots.values()], conflicts });
  }

  /** The families dropped or cut because another source has their name (empty when none): for the log. */
  get conflicts(): readonly string[] {
    return this.plan().conflicts;
  }

  /**
   * `/metrics?collect[]=cpu&collect[]=meminfo`, as node_exporter: a snapshot of
   * these collectors' runs only (their series and their node_scrape_collector_*
   * series; the exporter's own metrics stay). `known` is every collector the
   * exporter has, enabled or not. A name no collector has, or one that is not
   * enabled, gives node_exporter's reason instead (the caller answers 400).
   * The selections of this snapshot are kept, a few, for the next scrapes.
   */
  select(names: readonly string[], known: ReadonlySet<string>): Snapshot | { refused: string } {
    const wanted = [...new Set(names)].sort();
    const key = wanted.join('\n');
    const kept = this.selections.get(key);
    if (kept) return kept;
    for (const name of wanted) {
      if (this.run(name)) continue;
      return { refused: known.has(name) ? `disabled collector: ${name}` : `missing collector: ${name}` };
    }
    const selection = new Snapshot(
      this.runs.filter((r) => wanted.includes(r.collector)),
      this.extra,
      this.createdAt,
    );
    if (this.selections.size < MAX_SELECTIONS) this.selections.set(key, selection);
    return selection;
  }

  /** The whole exposition, serialized on first use and then cached. */
  text(format: ExpositionFormat): string {
    let text = this.texts[format];
    if (text === undefined) {
      const parts: [string, string][] = [];
      for (const slot of this.plan().slots) {
        if (slot.merged) parts.push([slot.name, serializeFamily({ ...slot.family, samples: slot.merged.samples }, format)]);
        else if (slot.run) parts.push(runTexts(slot.run, format)[slot.index!]);
        else parts.push([slot.name, serializeFamily(slot.family, format)]);
      }
      // One order for everything, by family name, as node_exporter (client_golang) prints it.
      parts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      text = parts.map((p) => p[1]).join('') + (format === 'openmetrics' ? '# EOF\n' : '');
      this.texts[format] = text;
    }
    return text;
  }

  /** The exposition as UTF-8 bytes, encoded once per snapshot (what /metrics sends uncompressed). */
  body(format: ExpositionFormat): Buffer {
    return (this.bodies[format] ??= Buffer.from(this.text(format)));
  }

  gzip(format: ExpositionFormat): Buffer {
    return (this.gzips[format] ??= gzipSync(this.text(format)));
  }
}
