/**
 * /proc/<pid>/ksm_stat — kernel samepage merging of the process.
 * Kernel: fs/proc/base.c, proc_pid_ksm_stat(): "ksm_rmap_items %lu\n" …,
 * "ksm_merge_any: %s\n", "ksm_mergeable: %s\n".
 * Sample: "ksm_rmap_items 0"
 *
 * One record keyed by the kernel's names; counts are numbers, yes/no stays text.
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';

export type KsmStatRecord = Record<string, number | string>;

export function parseKsmStat(text: string, file = 'pid/ksm_stat'): KsmStatRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  const record: KsmStatRecord = {};
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== 2) src.fail(i, `expected "name value", found ${f.length} fields`);
    const name = f[0].endsWith(':') ? f[0].slice(0, -1) : f[0];
    if (f[0].endsWith(':')) record[name] = f[1];
    else record[name] = src.int(f[1], i, name);
  }
  return [record];
}

export const ksmStat = defineHandler<KsmStatRecord>({
  name: 'pid/ksm_stat',
  summary: 'kernel samepage merging counters of the process',
  parse: parseKsmStat,
});
