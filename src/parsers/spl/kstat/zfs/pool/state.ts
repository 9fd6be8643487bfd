/**
 * /proc/spl/kstat/zfs/<pool>/state — the pool's state.
 * Module: openzfs module/zfs/spa_stats.c, spa_state_data(): a headerless raw kstat, the state's
 *   name and a newline.
 * Sample: "ONLINE"
 *
 * One record `{ state }` as written (ONLINE, DEGRADED, FAULTED, OFFLINE,
 * REMOVED, UNAVAIL, SUSPENDED). The pool's name is the directory's.
 */
import { defineHandler } from '../../../../../handler';
import { fields, Lines } from '../../../../helpers';

export interface ZpoolStateRecord {
  state: string;
}

export function parseZpoolState(text: string, file = 'spl/kstat/zfs/pool/state'): ZpoolStateRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  if (src.length > 1) src.fail(1, 'expected one line');
  const f = fields(src.lines[0]);
  if (f.length !== 1 || !/^[A-Z]+$/.test(f[0])) src.fail(0, 'expected one state name (ONLINE, DEGRADED, …)');
  return [{ state: f[0] }];
}

export const zpoolState = defineHandler<ZpoolStateRecord>({
  name: 'spl/kstat/zfs/pool/state',
  pattern: 'spl/kstat/zfs/*/state',
  summary: 'ZFS pool state (ONLINE, DEGRADED, FAULTED, …)',
  parse: parseZpoolState,
});
