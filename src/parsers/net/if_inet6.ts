/**
 * /proc/net/if_inet6 — IPv6 addresses of the interfaces.
 * Kernel: net/ipv6/addrconf.c, if6_seq_show().
 * Sample: "fe80000000000000ca6000fffe01e486 02 40 20 80     eth0"
 *
 * Columns: address (`%pi6`, kept as `address_hex`, decoded per RFC 5952), ifindex,
 * prefix_length, scope, flags (hex in the file: numbers here, `flags` kept as
 * written), device. `scope_name` names the scope (global, host, link, site,
 * compat) and `flag_names` the IFA_F_* bits.
 */
import { defineHandler } from '../../handler';
import { decodeFlags, fields, Lines } from '../helpers';
import { ipv6FromNetworkHex } from './address';

export interface IfInet6Record {
  address: string;
  address_hex: string;
  ifindex: number;
  prefix_length: number;
  scope: number;
  scope_name?: string;
  flags: string;
  flag_names: string[];
  device: string;
}

const SCOPES: Record<number, string> = { 0x00: 'global', 0x10: 'host', 0x20: 'link', 0x40: 'site', 0x80: 'compat' };

/** IFA_F_* (include/uapi/linux/if_addr.h), the low byte the file prints. */
const FLAGS: readonly [number, string, string][] = [
  [0x01, '', 'TEMPORARY'],
  [0x02, '', 'NODAD'],
  [0x04, '', 'OPTIMISTIC'],
  [0x08, '', 'DADFAILED'],
  [0x10, '', 'HOMEADDRESS'],
  [0x20, '', 'DEPRECATED'],
  [0x40, '', 'TENTATIVE'],
  [0x80, '', 'PERMANENT'],
];

export function parseIfInet6(text: string, file = 'net/if_inet6'): IfInet6Record[] {
  const src: Lines = new Lines(file, text);
  const records: IfInet6Record[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== 6) src.fail(i, `expected 6 columns, found ${f.length}`);
    const address = ipv6FromNetworkHex(f[0]);
    if (address === undefined) src.fail(i, `address is not a 32-digit hex address (${JSON.stringify(f[0])})`);
    const scope = src.hex(f[3], i, 'scope');
    const record: IfInet6Record = {
      address,
      address_hex: f[0],
      ifindex: src.hex(f[1], i, 'ifindex'),
      prefix_length: src.hex(f[2], i, 'prefix_length'),
      scope,
      flags: f[4],
      flag_names: decodeFlags(src.hex(f[4], i, 'flags'), FLAGS),
      device: f[5],
    };
    if (SCOPES[scope] !== undefined) record.scope_name = SCOPES[scope];
    records.push(record);
  }
  return records;
}

export const ifInet6 = defineHandler<IfInet6Record>({
  name: 'net/if_inet6',
  summary: 'IPv6 interface addresses',
  parse: parseIfInet6,
});
