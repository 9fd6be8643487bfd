/**
 * /proc/net/arp — the IPv4 neighbour (ARP) table.
 * Kernel: net/ipv4/arp.c, arp_seq_show() / arp_format_neigh_entry().
 * Sample: "192.168.1.1      0x1         0x2         c8:60:00:e8:b9:28     *        eth0"
 *
 * Columns from the header "IP address, HW type, Flags, HW address, Mask,
 * Device" in snake_case. HW type and Flags are hex as written ("0x1", "0x2");
 * `flag_names` decodes the ATF_* bits (COM complete, PERM, PUBL, …).
 */
import { defineHandler } from '../../handler';
import { decodeFlags, fields, Lines } from '../helpers';

export interface ArpRecord {
  ip_address: string;
  hw_type: string;
  flags: string;
  flag_names: string[];
  hw_address: string;
  mask: string;
  device: string;
}

/** ATF_* (include/uapi/linux/if_arp.h). */
const FLAGS: readonly [number, string, string][] = [
  [0x02, '', 'COM'],
  [0x04, '', 'PERM'],
  [0x08, '', 'PUBL'],
  [0x10, '', 'USETRAILERS'],
  [0x20, '', 'NETMASK'],
  [0x40, '', 'DONTPUB'],
];

export function parseArp(text: string, file = 'net/arp'): ArpRecord[] {
  const src: Lines = new Lines(file, text);
  const records: ArpRecord[] = [];
  if (src.length === 0) return records;
  if (!src.lines[0].startsWith('IP address')) src.fail(0, 'expected the header line "IP address HW type …"');
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== 6) src.fail(i, `expected 6 columns, found ${f.length}`);
    src.hex(f[1], i, 'HW type');
    records.push({
      ip_address: f[0],
      hw_type: f[1],
      flags: f[2],
      flag_names: decodeFlags(src.hex(f[2], i, 'Flags'), FLAGS),
      hw_address: f[3],
      mask: f[4],
      device: f[5],
    });
  }
  return records;
}

export const arp = defineHandler<ArpRecord>({
  name: 'net/arp',
  summary: 'IPv4 ARP (neighbour) table',
  parse: parseArp,
});
