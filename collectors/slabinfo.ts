/**
 * slabinfo: slab allocator caches from /proc/slabinfo, as node_exporter's
 * slabinfo collector (off by default): node_slabinfo_{active_objects,objects,
 * object_size_bytes,objects_per_slab,pages_per_slab}{slab}, gauges, with its
 * slabs-include and slabs-exclude flags, both applied as node_exporter's
 * deviceFilter does (a slab must match the include and not the exclude).
 * Differs: the include's default is empty (all slabs) instead of ".*" (the
 * same slabs), and the exporter's config treats an include/exclude pair given
 * in the same place as mutually exclusive, where node_exporter applies both.
 * /proc/slabinfo is readable by root only.
 * node_exporter: collector/slabinfo_linux.go (procfs slab.go).
 */
import type { SlabinfoRecord } from '../src/parsers/slabinfo';
import { defineCollector, mapping, type MetricMapping } from '../src/collector';

function slab(
  name: string,
  help: string,
  value: 'active_objs' | 'num_objs' | 'objsize' | 'objperslab' | 'pagesperslab',
): MetricMapping<SlabinfoRecord> {
  return mapping<SlabinfoRecord>({ from: 'slabinfo', name, help, type: 'gauge', labels: { slab: 'name' }, value });
}

export const slabinfo = defineCollector({
  name: 'slabinfo',
  description: 'Slab allocator caches (/proc/slabinfo).',
  defaultEnabled: false,
  reads: { slabinfo: 'required' },
  options: {
    // node_exporter's default is ".*"; empty (no include filter) is the same set, and keeps the
    // config's include/exclude pairing rule (src/config/load.ts) from rejecting the defaults.
    slabsInclude: { type: 'regex', default: '', description: 'Regexp of slabs to include in slabinfo collector.' },
    slabsExclude: { type: 'regex', default: '', description: 'Regexp of slabs to exclude in slabinfo collector.' },
  },
  // Two filters, so that both apply (one filter with both ignores the exclude when the include is set).
  filters: [
    { subject: 'slab', include: 'slabsInclude' },
    { subject: 'slab', exclude: 'slabsExclude' },
  ],
  metrics: [
    slab('node_slabinfo_active_objects', 'The number of objects that are currently active (i.e., in use).', 'active_objs'),
    slab('node_slabinfo_objects', 'The total number of allocated objects (i.e., objects that are both in use and not in use).', 'num_objs'),
    slab('node_slabinfo_object_size_bytes', 'The size of objects in this slab, in bytes.', 'objsize'),
    slab('node_slabinfo_objects_per_slab', 'The number of objects stored in each slab.', 'objperslab'),
    slab('node_slabinfo_pages_per_slab', 'The number of pages allocated for each slab.', 'pagesperslab'),
  ],
});
