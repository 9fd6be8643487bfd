/**
 * The exporter's own process metrics (prom-client's default metrics) on a
 * Registry of their own — never prom-client's global registry — converted to
 * the exporter's families so that both formats serialize them the same way.
 * They are appended after the collectors' output.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { MetricFamily, MetricType } from './exposition';

interface JsonMetric {
  name: string;
  help: string;
  type: string;
  values?: { labels?: Record<string, string | number>; value: number; metricName?: string }[];
}

export class ProcessMetrics {
  private readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  async families(): Promise<MetricFamily[]> {
    // One metric object at a time: prom-client's getMetricsAsJSON() fails everything on one throw.
    const out: MetricFamily[] = [];
    for (const metric of this.registry.getMetricsAsArray()) {
      try {
        const m = (await (metric as unknown as { get(): Promise<unknown> }).get()) as JsonMetric;
        // prom-client's nodejs_active_{handles,requests,resources}_total are gauges named like
        // counters (promtool flags them); their per-type siblings without _total carry the same data.
        if (m.type !== 'counter' && m.name.endsWith('_total')) continue;
        out.push({
          name: m.name,
          help: m.help,
          type: (['counter', 'gauge', 'histogram', 'summary'].includes(m.type) ? m.type : 'untyped') as MetricType,
          samples: (m.values ?? []).map((v) => ({
            name: v.metricName,
            labels: Object.fromEntries(Object.entries(v.labels ?? {}).map(([k, x]) => [k, String(x)])),
            value: v.value,
          })),
        });
      } catch {
        // A process metric that cannot be read this time is left out.
      }
    }
    return out;
  }
}
