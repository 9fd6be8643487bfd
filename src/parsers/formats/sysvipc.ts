/**
 * Format: the System V IPC tables, shared by /proc/sysvipc/msg, sem and shm: a header line naming the
 * columns (ipc/util.c, ipc_init_proc_interface() header string; rows from
 * sysvipc_find_ipc()/sysvipc_proc_show()), one row per IPC object. Every
 * column is a decimal number except `perms`, printed with "%4o" and kept as
 * the octal text. Columns a newer kernel adds are keyed by their header name
 * and read as numbers. A file with only the header (no objects) gives [].
 */
import { fields, headerTable, Lines } from '../helpers';

export function sysvipcTable(text: string, file: string, required: readonly string[]): Record<string, string | number>[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  const header = fields(src.lines[0]);
  for (const name of required) {
    if (!header.includes(name)) src.fail(0, `header lacks the ${name} column`);
  }
  return headerTable(src, { numeric: header.filter((name) => name !== 'perms') });
}
