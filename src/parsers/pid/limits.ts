/**
 * /proc/<pid>/limits — resource limits, soft and hard.
 * Kernel: fs/proc/base.c, proc_pid_limits().
 * Sample: "Max open files            1024                 4096                 files     "
 *
 * One record per limit, named by the header's columns (Limit, Soft Limit,
 * Hard Limit, Units → limit, soft_limit, hard_limit, units). A limit of
 * `unlimited` stays the string "unlimited"; numbers are numbers. Limits
 * without a unit (Max nice priority) have no `units`.
 */
import { defineHandler } from '../../handler';
import { fields, isDecimal, Lines } from '../helpers';

export type LimitValue = number | 'unlimited';

export interface LimitsRecord {
  limit: string;
  soft_limit: LimitValue;
  hard_limit: LimitValue;
  units?: string;
}

function isValue(token: string): boolean {
  return token === 'unlimited' || isDecimal(token);
}

export function parseLimits(text: string, file = 'pid/limits'): LimitsRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (!src.lines[0].startsWith('Limit ')) src.fail(0, 'expected the "Limit Soft Limit Hard Limit Units" header');
  const records: LimitsRecord[] = [];
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    let last = f.length - 1;
    let units: string | undefined;
    if (!isValue(f[last])) units = f[last--];
    if (last < 2) src.fail(i, 'expected "name soft hard [units]"');
    const soft = f[last - 1];
    const hard = f[last];
    if (!isValue(soft)) src.fail(i, `soft limit is neither a number nor "unlimited" (${JSON.stringify(soft)})`);
    if (!isValue(hard)) src.fail(i, `hard limit is neither a number nor "unlimited" (${JSON.stringify(hard)})`);
    const record: LimitsRecord = {
      limit: f.slice(0, last - 1).join(' '),
      soft_limit: soft === 'unlimited' ? soft : src.int(soft, i, 'soft limit'),
      hard_limit: hard === 'unlimited' ? hard : src.int(hard, i, 'hard limit'),
    };
    if (units !== undefined) record.units = units;
    records.push(record);
  }
  return records;
}

export const limits = defineHandler<LimitsRecord>({
  name: 'pid/limits',
  summary: 'process resource limits (soft, hard, "unlimited" kept)',
  parse: parseLimits,
});
