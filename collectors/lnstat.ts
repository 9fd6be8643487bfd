/**
 * lnstat: the per-CPU network cache statistics of every file in
 * /proc/net/stat (arp_cache, ndisc_cache, rt_cache, nf_conntrack, …), as
 * node_exporter's lnstat collector (off by default): one counter
 * node_lnstat_<column>_total{subsystem="<file>",cpu="<row>"} per column of
 * each file's header (`entries` included, a counter there too), the values
 * hex as the kernel prints them. Every file of the directory is read (procfs
 * globs net/stat/*), so a gather function lists it; no directory gives no series.
 * node_exporter: collector/lnstat_linux.go (procfs net_stat.go).
 */
import { parseNetStat, type NetStatRecord } from '../src/parsers/formats/lnstat';
import { defineCollector, mapping } from '../src/collector';

interface SubsystemRow {
  subsystem: string;
  row: NetStatRecord;
}

const DIR = 'net/stat';

export const lnstat = defineCollector({
  name: 'lnstat',
  description: 'Per-CPU network cache statistics (/proc/net/stat/*).',
  defaultEnabled: false,
  reads: {
    'net/stat/arp_cache': 'optional',
    'net/stat/ndisc_cache': 'optional',
    'net/stat/nf_conntrack': 'optional',
    'net/stat/rt_cache': 'optional',
  },
  gather: async ({ procfs }) => {
    const rows: SubsystemRow[] = [];
    for (const subsystem of procfs.list(DIR).sort()) {
      const relative = `${DIR}/${subsystem}`;
      if (!procfs.isDirectory(relative)) {
        for (const row of parseNetStat(await procfs.readTextAsync(relative), `${procfs.root}/${relative}`)) rows.push({ subsystem, row });
      }
    }
    return { [DIR]: rows };
  },
  metrics: [
    mapping<SubsystemRow>({
      from: DIR,
      each: (r) => {
        const { cpu: _cpu, ...columns } = r.row;
        return columns;
      },
      name: ({ key }) => `node_lnstat_${key}_total`,
      namePattern: 'node_lnstat_<column>_total',
      help: 'linux network cache stats',
      type: 'counter',
      labels: { subsystem: 'subsystem', cpu: 'row.cpu' },
    }),
  ],
});
