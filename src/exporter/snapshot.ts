/**
 * A snapshot: the latest complete run of every enabled collector, swapped in
 * whole by the scheduler. Each collector run is serialized once (per format,
 * the OpenMetrics text lazily) and each snapshot concatenates those cached
 * fragments once; /metrics sends the cached string (or its cached gzip).
 */
import { gzipSync } from 'zlib';
import { serializeFamily, type ExpositionFormat, type MetricFamily } from './exposition';

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

export class Snapshot {
  private readonly texts: Partial<Record<ExpositionFormat, string>> = {};
  private readonly gzips: Partial<Record<ExpositionFormat, Buffer>> = {};
  private readonly bodies: Partial<Record<ExpositionFormat, Buffer>> = {};

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

  /** The whole exposition, serialized on first use and then cached. */
  text(format: ExpositionFormat): string {
    let text = this.texts[format];
    if (text === undefined) {
      const parts: [string, string][] = [];
      // A failed collector exports none of its series: they go stale in Prometheus.
      // Loops, not push(...texts): a spread of 125,000 arguments or more overflows the stack.
      for (const run of this.runs) if (run.success) for (const part of runTexts(run, format)) parts.push(part);
      const sorted = [...this.runs].sort((a, b) => (a.collector < b.collector ? -1 : 1));
      for (const family of [...scrapeFamilies(sorted), ...this.extra]) parts.push([family.name, serializeFamily(family, format)]);
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
