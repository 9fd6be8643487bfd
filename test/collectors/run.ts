/** Helpers for the collectors' edge-case tests: run one collector on a small fixture tree, read its series. */
import * as path from 'path';
import type { MetricFamily } from '../../src/exporter/exposition';
import { collect, filesystems, type CollectorDefinition, type OptionValues } from '../../src/collector';
import { parseDuration } from '../../src/config';
import { ProcFs } from '../../src/procfs';
import { projectRoot } from '../support/fixtures';

export const TREES = path.join(projectRoot, 'fixtures', 'trees');

/**
 * The collector's options at their defaults (durations in milliseconds, as the config gives them), with `overrides` on top.
 * One object per configured collector: reuse it across runs to keep state.
 */
export function options(definition: CollectorDefinition, overrides: OptionValues = {}): OptionValues {
  const values: OptionValues = {};
  for (const [name, spec] of Object.entries(definition.options ?? {})) {
    values[name] = spec.type === 'duration' && typeof spec.default === 'string' ? parseDuration(spec.default) : spec.default;
  }
  return { ...values, ...overrides };
}

/** The /sys and root filesystem trees of a run (default: the live /sys and /, as the exporter's defaults). */
export interface RunTrees {
  sysfs?: string;
  rootfs?: string;
}

/** One run, as the scheduler does it (state is kept per options object). */
export function run(
  definition: CollectorDefinition,
  root: string,
  opts: OptionValues = options(definition),
  trees: RunTrees = {},
): Promise<MetricFamily[]> {
  const tree = (dir: string | undefined): ProcFs | undefined => (dir === undefined ? undefined : new ProcFs(dir));
  return collect(definition, filesystems(new ProcFs(root), tree(trees.sysfs), tree(trees.rootfs)), opts, { pageSize: 4096 });
}

/** `name{a="x",b="y"}` → value, for every sample. */
export function series(families: readonly MetricFamily[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of families) {
    for (const s of f.samples) {
      const labels = Object.entries(s.labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(',');
      out[`${s.name ?? f.name}${labels ? `{${labels}}` : ''}`] = s.value;
    }
  }
  return out;
}
