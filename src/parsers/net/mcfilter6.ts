/**
 * /proc/net/mcfilter6 — IPv6 multicast source filters (MLDv2).
 * Kernel: net/ipv6/mcast.c, igmp6_mcf_seq_show().
 * Sample: "  4   eth0 ff3e0000000000000000000000001234 fd000000000000000000000000000001      1      0"
 *
 * Columns from the header "Idx Device Multicast Address Source Address INC EXC"
 * in snake_case: idx (ifindex), device (at most 6 characters, `%6.6s`),
 * multicast_address and source_address (RFC 5952 text; `%pi6` kept in the
 * `*_hex` fields), inc and exc (include and exclude counts).
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';
import { ipv6FromNetworkHex } from './address';

export interface Mcfilter6Record {
  idx: number;
  device: string;
  multicast_address: string;
  source_address: string;
  inc: number;
  exc: number;
  multicast_address_hex: string;
  source_address_hex: string;
}

export function parseMcfilter6(text: string, file = 'net/mcfilter6'): Mcfilter6Record[] {
  const src: Lines = new Lines(file, text);
  const records: Mcfilter6Record[] = [];
  if (src.length === 0) return records;
  if (!src.lines[0].startsWith('Idx ')) src.fail(0, 'expected the header line "Idx Device Multicast Address …"');
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== 6) src.fail(i, `expected 6 columns, found ${f.length}`);
    const group = ipv6FromNetworkHex(f[2]);
    const source = ipv6FromNetworkHex(f[3]);
    if (group === undefined) src.fail(i, `multicast address is not 32 hex digits (${JSON.stringify(f[2])})`);
    if (source === undefined) src.fail(i, `source address is not 32 hex digits (${JSON.stringify(f[3])})`);
    records.push({
      idx: src.int(f[0], i, 'Idx'),
      device: f[1],
      multicast_address: group,
      source_address: source,
      inc: src.int(f[4], i, 'INC'),
      exc: src.int(f[5], i, 'EXC'),
      multicast_address_hex: f[2],
      source_address_hex: f[3],
    });
  }
  return records;
}

export const mcfilter6 = defineHandler<Mcfilter6Record>({
  name: 'net/mcfilter6',
  summary: 'IPv6 multicast source filters',
  parse: parseMcfilter6,
});
