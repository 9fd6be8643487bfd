/**
 * meminfo: memory usage from /proc/meminfo, as node_exporter's meminfo
 * collector: one gauge node_memory_<Field>[_bytes] per line the kernel prints.
 * A field with a unit (kB) is × 1024 and gets `_bytes`; HugePages_* (no unit)
 * keep their count and no suffix; `Active(anon)` becomes `Active_anon`.
 * Every field the kernel prints is exported (node_exporter ≤ 1.8's parser;
 * 1.9+ exports the fields procfs's Meminfo struct knows, a subset).
 * node_exporter: collector/meminfo.go, meminfo_linux.go.
 */
import type { MeminfoRecord } from '../src/parsers/meminfo';
import { defineCollector, mapping, type MappingContext } from '../src/collector';

/** `Active(anon)` → `Active_anon`, plus `_bytes` when the line has a unit. */
function key({ record }: MappingContext<MeminfoRecord>): string {
  const name = record.name.replace(/\((.*)\)/, '_$1');
  return record.unit === undefined ? name : `${name}_bytes`;
}

export const meminfo = defineCollector({
  name: 'meminfo',
  description: 'Memory usage (/proc/meminfo).',
  defaultEnabled: true,
  reads: { meminfo: 'required' },
  metrics: [
    mapping<MeminfoRecord>({
      from: 'meminfo',
      name: (ctx) => `node_memory_${key(ctx)}`,
      namePattern: 'node_memory_<Field>[_bytes]',
      help: (ctx) => `Memory information field ${key(ctx)}.`,
      type: 'gauge',
      // The kernel writes kB (KiB) for every field with a unit.
      value: ({ record }) => (record.unit === undefined ? record.value : record.value * 1024),
    }),
  ],
});
