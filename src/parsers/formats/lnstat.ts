/**
 * Format: the per-CPU statistics tables of /proc/net/stat/ (read by lnstat(8)),
 * shared by arp_cache, ndisc_cache, rt_cache, nf_conntrack, ip_conntrack (older kernels) and synproxy.
 * Kernel: net/core/neighbour.c, neigh_stat_seq_show() (arp_cache, ndisc_cache);
 * net/ipv4/route.c, rt_cpu_seq_show() (rt_cache); net/netfilter/nf_conntrack_standalone.c,
 * ct_cpu_seq_show() (nf_conntrack; ip_conntrack from nf_conntrack_l3proto_ipv4_compat.c);
 * net/netfilter/nf_synproxy_core.c, synproxy_cpu_seq_show() (synproxy).
 * Each prints a header naming the columns, then one row of `%08x` values per
 * possible CPU.
 * Sample: "00000002 00000002 00000000 00000000   00000004 00000000 …"
 *
 * One record per CPU row: `cpu` is the row's index (0 for the first row),
 * then every header column as a number. A column the header names is kept
 * under that name whatever the kernel version (`table_fulls`, `clashres`, …).
 * The first column (`entries`) is a global count repeated on every row.
 */
import { defineHandler, type Handler } from '../../handler';
import { fields, Lines } from '../helpers';

export interface NetStatRecord {
  cpu: number;
  [column: string]: number;
}

export function parseNetStat(text: string, file = 'net/stat/arp_cache'): NetStatRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  const header = fields(src.lines[0]);
  if (header.length === 0) src.fail(0, 'missing header line');
  const records: NetStatRecord[] = [];
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== header.length) src.fail(i, `expected ${header.length} columns as the header names, found ${f.length}`);
    const record: NetStatRecord = { cpu: records.length };
    for (let c = 0; c < header.length; c++) record[header[c]] = src.hex(f[c], i, header[c]);
    records.push(record);
  }
  return records;
}

/** The handler of a /proc/net/stat/ table; `name` is its path under /proc. */
export function netStatHandler(name: string, summary: string): Handler<NetStatRecord> {
  return defineHandler<NetStatRecord>({ name, summary, parse: (text, file) => parseNetStat(text, file ?? name) });
}
