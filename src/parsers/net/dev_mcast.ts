/**
 * /proc/net/dev_mcast — link-layer multicast addresses of the interfaces.
 * Kernel: net/core/net-procfs.c, dev_mc_seq_show().
 * Sample: "2    eth0            1     0     01005e000001"
 *
 * Columns (no header): ifindex, device, refcount (users), global_use, and the
 * hardware address as printed (hex digits without separators).
 */
import { defineHandler } from '../../handler';
import { Lines, whitespaceTable, type ColumnSpec } from '../helpers';

export interface DevMcastRecord {
  ifindex: number;
  device: string;
  refcount: number;
  global_use: number;
  address: string;
}

const COLUMNS: readonly ColumnSpec[] = [
  ['ifindex', 'int'],
  ['device', 'str'],
  ['refcount', 'int'],
  ['global_use', 'int'],
  ['address', 'str'],
];

export function parseDevMcast(text: string, file = 'net/dev_mcast'): DevMcastRecord[] {
  const src: Lines = new Lines(file, text);
  const rows = whitespaceTable(src, COLUMNS, { skipBlank: true }) as unknown as DevMcastRecord[];
  rows.forEach((row, n) => {
    if (!/^[0-9a-f]*$/.test(row.address)) src.fail(n, `address is not hexadecimal (${JSON.stringify(row.address)})`);
  });
  return rows;
}

export const devMcast = defineHandler<DevMcastRecord>({
  name: 'net/dev_mcast',
  summary: 'Link-layer multicast addresses per interface',
  parse: parseDevMcast,
});
