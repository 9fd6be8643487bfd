/**
 * /proc/net/igmp — IPv4 multicast groups joined per interface.
 * Kernel: net/ipv4/igmp.c, igmp_mc_seq_show().
 * Sample: "2\teth0      :     1      V3" then "\t\t\t\t010000E0     1 0:00000000\t\t0"
 *
 * One record per interface line (idx, device, count of groups, querier
 * version V1/V2/V3) holding its `groups`: group (`%08X` of the __be32, kept as
 * `group_hex`, decoded to dotted quad), users, timer_running (0/1), timer
 * (clock ticks, hex in the file) and reporter (0/1). Column names are the
 * header's (Idx, Device, Count, Querier, Group, Users, Timer, Reporter) in
 * snake_case.
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';
import { ipv4FromHostHex } from './address';

export interface IgmpGroup {
  group: string;
  group_hex: string;
  users: number;
  timer_running: number;
  timer: number;
  reporter: number;
}

export interface IgmpRecord {
  idx: number;
  device: string;
  count: number;
  querier: string;
  groups: IgmpGroup[];
}

export function parseIgmp(text: string, file = 'net/igmp'): IgmpRecord[] {
  const src: Lines = new Lines(file, text);
  const records: IgmpRecord[] = [];
  if (src.length === 0) return records;
  if (!src.lines[0].startsWith('Idx')) src.fail(0, 'expected the header line "Idx Device : Count Querier …"');
  for (let i = 1; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    if (line.startsWith('\t')) {
      const current = records[records.length - 1];
      if (current === undefined) src.fail(i, 'group line before any interface line');
      const f = fields(line);
      if (f.length !== 4) src.fail(i, `expected "GROUP USERS RUNNING:TIMER REPORTER", found ${f.length} fields`);
      const group = ipv4FromHostHex(f[0]);
      if (group === undefined) src.fail(i, `group is not 8 hex digits (${JSON.stringify(f[0])})`);
      const colon = f[2].indexOf(':');
      if (colon <= 0) src.fail(i, `expected RUNNING:TIMER, found ${JSON.stringify(f[2])}`);
      current.groups.push({
        group,
        group_hex: f[0],
        users: src.int(f[1], i, 'users'),
        timer_running: src.int(f[2].slice(0, colon), i, 'timer running'),
        timer: src.hex(f[2].slice(colon + 1), i, 'timer'),
        reporter: src.int(f[3], i, 'reporter'),
      });
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) src.fail(i, 'expected "IDX DEVICE : COUNT QUERIER"');
    const head = fields(line.slice(0, colon));
    const tail = fields(line.slice(colon + 1));
    if (head.length !== 2 || tail.length !== 2) src.fail(i, 'expected "IDX DEVICE : COUNT QUERIER"');
    records.push({ idx: src.int(head[0], i, 'idx'), device: head[1], count: src.int(tail[0], i, 'count'), querier: tail[1], groups: [] });
  }
  return records;
}

export const igmp = defineHandler<IgmpRecord>({
  name: 'net/igmp',
  summary: 'IPv4 multicast group memberships per interface',
  parse: parseIgmp,
});
