/**
 * /proc/net/anycast6 — IPv6 anycast addresses joined on the interfaces.
 * Kernel: net/ipv6/anycast.c, ac6_seq_show().
 * Sample: "4    eth0            fd00000000000000000000000000abcd     1"
 *
 * Columns (no header): ifindex, device, address (`%pi6`: kept as `address_hex`,
 * decoded per RFC 5952), users.
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';
import { ipv6FromNetworkHex } from './address';

export interface Anycast6Record {
  ifindex: number;
  device: string;
  address: string;
  address_hex: string;
  users: number;
}

export function parseAnycast6(text: string, file = 'net/anycast6'): Anycast6Record[] {
  const src: Lines = new Lines(file, text);
  const records: Anycast6Record[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== 4) src.fail(i, `expected 4 columns, found ${f.length}`);
    const address = ipv6FromNetworkHex(f[2]);
    if (address === undefined) src.fail(i, `address is not a 32-digit hex address (${JSON.stringify(f[2])})`);
    records.push({ ifindex: src.int(f[0], i, 'ifindex'), device: f[1], address, address_hex: f[2], users: src.int(f[3], i, 'users') });
  }
  return records;
}

export const anycast6 = defineHandler<Anycast6Record>({
  name: 'net/anycast6',
  summary: 'IPv6 anycast addresses per interface',
  parse: parseAnycast6,
});
