/**
 * Format: user-namespace id mappings, shared by /proc/<pid>/uid_map, gid_map and projid_map.
 * Kernel: kernel/user_namespace.c, uid_m_show() / gid_m_show() / projid_m_show() "%10u %10u %10u\n";
 * names from user_namespaces(7) (ID-inside-ns, ID-outside-ns, length).
 * Sample: "         0          0 4294967295"
 */
import { defineHandler, type Handler } from '../../handler';
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

/** The handler of an id map file; `name` is its path under /proc. */
export function idMapHandler(name: string, summary: string): Handler<IdMapRecord> {
  return defineHandler<IdMapRecord>({ name, summary, parse: (text, file) => parseIdMap(text, file ?? name) });
}
