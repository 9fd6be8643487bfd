/**
 * /proc/net/dev_mcast — link-layer multicast addresses of the interfaces.
 * Kernel: net/core/net-procfs.c, dev_mc_seq_show().
 * Sample: "2    eth0            1     0     01005e000001"
 *
 * Columns (no header): ifindex, device, refcount (users), global_use, and the
 * hardware address as printed (hex digits without separators).
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';

export interface DevMcastRecord {
  ifindex: number;
  device: string;
  refcount: number;
  global_use: number;
  address: string;
}

export function parseDevMcast(text: string, file = 'net/dev_mcast'): DevMcastRecord[] {
  const src: Lines = new Lines(file, text);
  const records: DevMcastRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== 5) src.fail(i, `expected 5 columns, found ${f.length}`);
    if (!/^[0-9a-f]*$/.test(f[4])) src.fail(i, `address is not hexadecimal (${JSON.stringify(f[4])})`);
    records.push({
      ifindex: src.int(f[0], i, 'ifindex'),
      device: f[1],
      refcount: src.int(f[2], i, 'refcount'),
      global_use: src.int(f[3], i, 'global_use'),
      address: f[4],
    });
  }
  return records;
}

export const devMcast = defineHandler<DevMcastRecord>({
  name: 'net/dev_mcast',
  summary: 'Link-layer multicast addresses per interface',
  parse: parseDevMcast,
});
