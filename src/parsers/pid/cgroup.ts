/**
 * /proc/<pid>/cgroup — the process's control groups, one line per hierarchy.
 * Kernel: kernel/cgroup/cgroup.c, proc_cgroup_show(); format in cgroups(7).
 * Sample: "4:memory:/process_api/7ac8ba42db385641510cf8c34419440a"
 *
 * `hierarchy-ID:controller-list:cgroup-path`. The cgroup v2 line is `0::/path`
 * (no controllers: an empty list). The path may itself contain `:`.
 */
import { defineHandler } from '../../handler';
import { Lines } from '../helpers';

export interface CgroupRecord {
  hierarchy_id: number;
  /** `cpu,cpuacct` → ['cpu', 'cpuacct']; `name=systemd` kept as written; [] for v2. */
  controllers: string[];
  path: string;
}

export function parseCgroup(text: string, file = 'pid/cgroup'): CgroupRecord[] {
  const src = new Lines(file, text);
  const records: CgroupRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line === '') continue;
    const first = line.indexOf(':');
    const second = first < 0 ? -1 : line.indexOf(':', first + 1);
    if (first <= 0 || second < 0) src.fail(i, 'expected "hierarchy-ID:controller-list:cgroup-path"');
    const list = line.slice(first + 1, second);
    const path = line.slice(second + 1);
    if (path === '') src.fail(i, 'missing cgroup path');
    records.push({ hierarchy_id: src.int(line.slice(0, first), i, 'hierarchy ID'), controllers: list === '' ? [] : list.split(','), path });
  }
  return records;
}

export const cgroup = defineHandler<CgroupRecord>({
  name: 'pid/cgroup',
  summary: 'control groups of the process (v1 hierarchies and the v2 0:: line)',
  parse: parseCgroup,
});
