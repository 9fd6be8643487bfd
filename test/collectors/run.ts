/** Helpers for the collectors' edge-case tests: run one collector on a small fixture tree, read its series. */
import * as path from 'path';
import type { MetricFamily } from '../../src/exporter/exposition';
import { collect, filesystems, type CollectorDefinition, type OptionValues } from '../../src/collector';
import { ProcFs } from '../../src/procfs';
import { projectRoot } from '../support/fixtures';

export const TREES = path.join(projectRoot, 'fixtures', 'trees');

/** The collector's options at their defaults, with `overrides` on top. One object per configured collector: reuse it across runs to keep state. */
export function options(definition: CollectorDefinition, overrides: OptionValues = {}): OptionValues {
  const values: OptionValues = {};
  for (const [name, spec] of Object.entries(definition.options ?? {})) values[name] = spec.default;
  return { ...values, ...overrides };
}

/** One run, as the scheduler does it (state is kept per options object). */
export function run(definition: CollectorDefinition, root: string, opts: OptionValues = options(definition)): Promise<MetricFamily[]> {
  return collect(definition, filesystems(new ProcFs(root)), opts, { pageSize: 4096 });
}

/** `name{a="x",b="y"}` → value, for every sample. */
export function series(families: readonly MetricFamily[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of families) {
    for (const s of f.samples) {
      const labels = Object.entries(s.labels).map(([k, v]) => `${k}="${v}"`).join(',');
      out[`${s.name ?? f.name}${labels ? `{${labels}}` : ''}`] = s.value;
    }
  }
  return out;
}
