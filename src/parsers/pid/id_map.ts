/**
 * /proc/<pid>/uid_map, gid_map and projid_map — user-namespace id mappings.
 * Kernel: kernel/user_namespace.c, uid_m_show() / gid_m_show() / projid_m_show() "%10u %10u %10u\n";
 * names from user_namespaces(7) (ID-inside-ns, ID-outside-ns, length).
 * Sample: "         0          0 4294967295"
 */
import { defineHandler } from '../../handler';
import { Lines, whitespaceTable, type ColumnSpec } from '../helpers';

export interface IdMapRecord {
  id_inside_ns: number;
  id_outside_ns: number;
  length: number;
}

const COLUMNS: readonly ColumnSpec[] = [
  ['id_inside_ns', 'int'],
  ['id_outside_ns', 'int'],
  ['length', 'int'],
];

export function parseIdMap(text: string, file = 'pid/uid_map'): IdMapRecord[] {
  return whitespaceTable(new Lines(file, text), COLUMNS, { skipBlank: true }) as unknown as IdMapRecord[];
}

export const uidMap = defineHandler<IdMapRecord>({
  name: 'pid/uid_map',
  summary: 'user-namespace uid mapping (inside, outside, length)',
  parse: (text, file) => parseIdMap(text, file),
});

export const gidMap = defineHandler<IdMapRecord>({
  name: 'pid/gid_map',
  summary: 'user-namespace gid mapping (inside, outside, length)',
  parse: (text, file) => parseIdMap(text, file),
});

export const projidMap = defineHandler<IdMapRecord>({
  name: 'pid/projid_map',
  summary: 'user-namespace project id mapping (inside, outside, length)',
  parse: (text, file) => parseIdMap(text, file),
});
