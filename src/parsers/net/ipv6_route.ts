/**
 * /proc/net/ipv6_route — the IPv6 routing table (FIB entries).
 * Kernel: net/ipv6/route.c, ipv6_route_native_seq_show() (rt6_info_route() before 4.15).
 * Sample: "fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0"
 *
 * Columns (no header): destination, its prefix length (hex), source and its
 * prefix length (zero unless CONFIG_IPV6_SUBTREES), next hop, metric, refcnt,
 * use, flags (all hex), device. Addresses are `%pi6` (network order) and kept as
 * written (`*_hex`) next to their RFC 5952 text; lengths and counters are numbers;
 * `flags` is the hex as written and `flag_names` the RTF_* names of its bits.
 * The device is absent when the route has none (the kernel prints spaces).
 */
import { defineHandler } from '../../handler';
import { decodeFlags, fields, Lines } from '../helpers';
import { ipv6FromNetworkHex } from './address';

export interface Ipv6RouteRecord {
  destination: string;
  destination_prefix_length: number;
  source: string;
  source_prefix_length: number;
  next_hop: string;
  metric: number;
  refcnt: number;
  use: number;
  flags: string;
  flag_names: string[];
  device?: string;
  destination_hex: string;
  source_hex: string;
  next_hop_hex: string;
}

/** RTF_* bits (include/uapi/linux/route.h, include/uapi/linux/ipv6_route.h). */
const FLAGS: readonly [number, string, string][] = [
  [0x00000001, 'U', 'UP'],
  [0x00000002, 'G', 'GATEWAY'],
  [0x00000004, 'H', 'HOST'],
  [0x00000010, 'D', 'DYNAMIC'],
  [0x00000020, 'M', 'MODIFIED'],
  [0x00000200, '!', 'REJECT'],
  [0x00010000, '', 'DEFAULT'],
  [0x00020000, '', 'ALLONLINK'],
  [0x00040000, '', 'ADDRCONF'],
  [0x00080000, '', 'PREFIX_RT'],
  [0x00100000, '', 'ANYCAST'],
  [0x00200000, '', 'NONEXTHOP'],
  [0x00400000, '', 'EXPIRES'],
  [0x00800000, '', 'ROUTEINFO'],
  [0x01000000, '', 'CACHE'],
  [0x02000000, '', 'FLOW'],
  [0x04000000, '', 'POLICY'],
  [0x40000000, '', 'PCPU'],
  [0x80000000, '', 'LOCAL'],
];

export function parseIpv6Route(text: string, file = 'net/ipv6_route'): Ipv6RouteRecord[] {
  const src: Lines = new Lines(file, text);
  const records: Ipv6RouteRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length < 9 || f.length > 10) src.fail(i, `expected 9 or 10 columns, found ${f.length}`);
    const address = (token: string, what: string): string => {
      const text = ipv6FromNetworkHex(token);
      if (text === undefined) src.fail(i, `${what} is not a 32-digit hex address (${JSON.stringify(token)})`);
      return text;
    };
    const record: Ipv6RouteRecord = {
      destination: address(f[0], 'destination'),
      destination_prefix_length: src.hex(f[1], i, 'destination prefix length'),
      source: address(f[2], 'source'),
      source_prefix_length: src.hex(f[3], i, 'source prefix length'),
      next_hop: address(f[4], 'next hop'),
      metric: src.hex(f[5], i, 'metric'),
      refcnt: src.hex(f[6], i, 'refcnt'),
      use: src.hex(f[7], i, 'use'),
      flags: f[8],
      flag_names: decodeFlags(src.hex(f[8], i, 'flags'), FLAGS),
      destination_hex: f[0],
      source_hex: f[2],
      next_hop_hex: f[4],
    };
    if (f.length === 10) record.device = f[9];
    records.push(record);
  }
  return records;
}

export const ipv6Route = defineHandler<Ipv6RouteRecord>({
  name: 'net/ipv6_route',
  summary: 'IPv6 routing table',
  parse: parseIpv6Route,
});
