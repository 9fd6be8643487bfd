/**
 * /proc/net/igmp6 — IPv6 multicast groups joined per interface.
 * Kernel: net/ipv6/mcast.c, igmp6_mc_seq_show().
 * Sample: "2    eth0            ff0200000000000000000001ff01e486     1 00000004 0"
 *
 * Columns (no header): ifindex, device, address (`%pi6`: kept as `address_hex`,
 * decoded per RFC 5952), users, flags (MAF_* bits, hex as written; names in
 * `flag_names`), timer (clock ticks until the report timer fires, 0 if none).
 */
import { defineHandler } from '../../handler';
import { decodeFlags, fields, Lines } from '../helpers';
import { ipv6FromNetworkHex } from './address';

export interface Igmp6Record {
  ifindex: number;
  device: string;
  address: string;
  address_hex: string;
  users: number;
  flags: string;
  flag_names: string[];
  timer: number;
}

/** MAF_* (include/net/if_inet6.h). */
const FLAGS: readonly [number, string, string][] = [
  [0x01, '', 'TIMER_RUNNING'],
  [0x02, '', 'LAST_REPORTER'],
  [0x04, '', 'LOADED'],
  [0x08, '', 'NOREPORT'],
  [0x10, '', 'GSQUERY'],
];

export function parseIgmp6(text: string, file = 'net/igmp6'): Igmp6Record[] {
  const src: Lines = new Lines(file, text);
  const records: Igmp6Record[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== 6) src.fail(i, `expected 6 columns, found ${f.length}`);
    const address = ipv6FromNetworkHex(f[2]);
    if (address === undefined) src.fail(i, `address is not a 32-digit hex address (${JSON.stringify(f[2])})`);
    records.push({
      ifindex: src.int(f[0], i, 'ifindex'),
      device: f[1],
      address,
      address_hex: f[2],
      users: src.int(f[3], i, 'users'),
      flags: f[4],
      flag_names: decodeFlags(src.hex(f[4], i, 'flags'), FLAGS),
      timer: src.int(f[5], i, 'timer'),
    });
  }
  return records;
}

export const igmp6 = defineHandler<Igmp6Record>({
  name: 'net/igmp6',
  summary: 'IPv6 multicast group memberships per interface',
  parse: parseIgmp6,
});
