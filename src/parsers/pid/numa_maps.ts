/**
 * /proc/<pid>/numa_maps — NUMA policy and page placement per mapping.
 * Kernel: fs/proc/task_mmu.c, show_numa_map(); policy from mm/mempolicy.c mpol_to_str().
 * Sample: "7fff8e8ab000 default stack anon=14 dirty=14 active=1 N0=14 kernelpagesize_kB=4"
 *
 * One record per mapping: start address (hex as written), policy as written
 * (`default`, `bind:0-1`, `interleave=static:0-3`, `prefer (many):0-1`), the
 * mapped file (`file=`, escaped by the kernel so it holds no spaces), bare
 * words (heap, stack, huge) in `flags`, page counts by the kernel's names
 * (anon, dirty, mapped, mapmax, swapcache, active, writeback,
 * kernelpagesize_kB) in `values`, and pages per node (N0, N1, …) in `nodes`.
 */
import { defineHandler } from '../../handler';
import { fields, isDecimal, isHex, Lines } from '../helpers';

export interface NumaMapsRecord {
  address: string;
  policy: string;
  file?: string;
  flags?: string[];
  values: Record<string, number>;
  nodes: Record<string, number>;
}

export function parseNumaMaps(text: string, file = 'pid/numa_maps'): NumaMapsRecord[] {
  const src = new Lines(file, text);
  const records: NumaMapsRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length < 2) src.fail(i, 'expected "address policy …"');
    if (!isHex(f[0])) src.fail(i, `address is not hexadecimal (${JSON.stringify(f[0])})`);
    let t = 2;
    let policy = f[1];
    // "prefer (many):0-1" is one policy written with a space.
    if (t < f.length && f[t].startsWith('(')) policy = `${policy} ${f[t++]}`;
    const record: NumaMapsRecord = { address: f[0], policy, values: {}, nodes: {} };
    for (; t < f.length; t++) {
      const token = f[t];
      const eq = token.indexOf('=');
      if (eq < 0) {
        (record.flags ??= []).push(token);
        continue;
      }
      const name = token.slice(0, eq);
      const value = token.slice(eq + 1);
      if (name === 'file') {
        record.file = value;
      } else if (name.length > 1 && name[0] === 'N' && isDecimal(name.slice(1))) {
        record.nodes[name] = src.int(value, i, name);
      } else {
        record.values[name] = src.int(value, i, name);
      }
    }
    records.push(record);
  }
  return records;
}

export const numaMaps = defineHandler<NumaMapsRecord>({
  name: 'pid/numa_maps',
  summary: 'NUMA policy and pages per node of each mapping',
  parse: parseNumaMaps,
});
