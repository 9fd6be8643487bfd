/** One run of one collector: its input (the files of `reads`, or its `gather` function), then applyCollector. */
import type { MetricFamily } from '../exporter/exposition';
import { ProcFs } from '../procfs';
import { applyCollector, collectorState } from './apply';
import type { CollectorDefinition, CollectorEnv, CollectorInput, Filesystems, OptionValues } from './definition';
import { cycleReader, type CycleReads } from './read';

export const DEFAULT_ROOTS = { procfs: '/proc', sysfs: '/sys', rootfs: '/' } as const;

/** The trees to read: the procfs given, and sysfs and rootfs (default /sys and /). */
export function filesystems(
  procfs: ProcFs,
  sysfs: ProcFs = new ProcFs(DEFAULT_ROOTS.sysfs),
  rootfs: ProcFs = new ProcFs(DEFAULT_ROOTS.rootfs),
): Filesystems {
  return { procfs, sysfs, rootfs };
}

/** Reads a collector's input (once per cycle, through `reads`) and applies its mappings. Rejects on any failure. */
export async function collect(
  definition: CollectorDefinition,
  trees: Filesystems,
  options: OptionValues,
  env: CollectorEnv,
  reads: CycleReads = new Map(),
): Promise<MetricFamily[]> {
  const read = cycleReader(trees.procfs, reads);
  const state = collectorState(options);
  let input: CollectorInput;
  if (definition.gather) {
    input = await definition.gather({ ...trees, read, options, env, state });
  } else {
    input = {};
    await Promise.all(
      Object.entries(definition.reads).map(async ([name, need]) => {
        const records = await read(name, need);
        if (records !== undefined) input[name] = records;
      }),
    );
  }
  return applyCollector(definition, input, options, env, state);
}
