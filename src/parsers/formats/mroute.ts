/**
 * Format: the multicast routing tables, shared by /proc/net/ip_mr_vif, ip_mr_cache,
 * ip6_mr_vif and ip6_mr_cache — the virtual interfaces and the multicast forwarding cache.
 * Kernel: net/ipv4/ipmr.c, ipmr_vif_seq_show() `"%2td %-10s %8ld %7ld  %8ld %7ld %05X %08X %08X\n"`
 * and ipmr_mfc_seq_show() `"%08X %08X %-3hd"`, `" %8lu %8lu %8lu"`, then `" %2d:%-3d"`
 * per outgoing interface; net/ipv6/ip6mr.c, ip6mr_vif_seq_show()
 * `"%2td %-10s %8ld %7ld  %8ld %7ld %05X\n"` and ip6mr_mfc_seq_show() `"%pI6 %pI6 %-3hd"` then the same.
 * Sample: " 0 eth0           1200      10      3400      20 00000 0F01A8C0 00000000"
 *
 * Only the headers on the captured machines (no multicast routing daemon):
 * the fixtures under fixtures/synthetic/proc/net/ are written by hand
 * following those seq_printf calls. Columns keep the header's names; the
 * unnamed first column of the vif tables is `vif` (the vif index). IPv4
 * addresses (`%08X` of a __be32, little-endian host) are decoded and the hex
 * kept under `<Name>_hex`; IPv6 addresses stay as printed. `Flags` is hex
 * text. `Oifs` lists the outgoing interfaces as { vif, ttl }.
 */
import { fields, isHex, Lines } from '../helpers';
import { ipv4Field } from '../net/address';

export interface MrVifRecord {
  vif: number;
  Interface: string;
  BytesIn: number;
  PktsIn: number;
  BytesOut: number;
  PktsOut: number;
  Flags: string;
  Local?: string;
  Local_hex?: string;
  Remote?: string;
  Remote_hex?: string;
}

export interface MrOif {
  vif: number;
  ttl: number;
}

export interface MrCacheRecord {
  Group: string;
  Group_hex?: string;
  Origin: string;
  Origin_hex?: string;
  Iif: number;
  Pkts: number;
  Bytes: number;
  Wrong: number;
  Oifs: MrOif[];
}

function checkHeader(src: Lines, first: string): boolean {
  if (src.length === 0) return false;
  if (fields(src.lines[0])[0] !== first) src.fail(0, `expected the header starting with "${first}"`);
  return true;
}

function parseVif(text: string, file: string, ipv4: boolean): MrVifRecord[] {
  const src = new Lines(file, text);
  if (!checkHeader(src, 'Interface')) return [];
  const columns = ipv4 ? 9 : 7;
  const records: MrVifRecord[] = [];
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== columns) src.fail(i, `expected ${columns} columns, found ${f.length}`);
    if (!isHex(f[6])) src.fail(i, `Flags is not hexadecimal (${JSON.stringify(f[6])})`);
    const record: MrVifRecord = {
      vif: src.int(f[0], i, 'vif'),
      Interface: f[1],
      BytesIn: src.int(f[2], i, 'BytesIn'),
      PktsIn: src.int(f[3], i, 'PktsIn'),
      BytesOut: src.int(f[4], i, 'BytesOut'),
      PktsOut: src.int(f[5], i, 'PktsOut'),
      Flags: f[6],
    };
    if (ipv4) {
      record.Local = ipv4Field(src, f[7], i, 'Local');
      record.Local_hex = f[7];
      record.Remote = ipv4Field(src, f[8], i, 'Remote');
      record.Remote_hex = f[8];
    }
    records.push(record);
  }
  return records;
}

function parseCache(text: string, file: string, ipv4: boolean): MrCacheRecord[] {
  const src = new Lines(file, text);
  if (!checkHeader(src, 'Group')) return [];
  const records: MrCacheRecord[] = [];
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length < 6) src.fail(i, `expected at least 6 columns, found ${f.length}`);
    const Oifs: MrOif[] = [];
    for (let c = 6; c < f.length; c++) {
      const colon = f[c].indexOf(':');
      if (colon <= 0) src.fail(i, `expected an outgoing interface "vif:ttl" (${JSON.stringify(f[c])})`);
      Oifs.push({ vif: src.int(f[c].slice(0, colon), i, 'Oifs vif'), ttl: src.int(f[c].slice(colon + 1), i, 'Oifs ttl') });
    }
    const head = ipv4
      ? {
          Group: ipv4Field(src, f[0], i, 'Group'),
          Group_hex: f[0],
          Origin: ipv4Field(src, f[1], i, 'Origin'),
          Origin_hex: f[1],
        }
      : { Group: f[0], Origin: f[1] };
    records.push({
      ...head,
      Iif: src.int(f[2], i, 'Iif'),
      Pkts: src.int(f[3], i, 'Pkts'),
      Bytes: src.int(f[4], i, 'Bytes'),
      Wrong: src.int(f[5], i, 'Wrong'),
      Oifs,
    });
  }
  return records;
}

export function parseIpMrVif(text: string, file = 'net/ip_mr_vif'): MrVifRecord[] {
  return parseVif(text, file, true);
}

export function parseIp6MrVif(text: string, file = 'net/ip6_mr_vif'): MrVifRecord[] {
  return parseVif(text, file, false);
}

export function parseIpMrCache(text: string, file = 'net/ip_mr_cache'): MrCacheRecord[] {
  return parseCache(text, file, true);
}

export function parseIp6MrCache(text: string, file = 'net/ip6_mr_cache'): MrCacheRecord[] {
  return parseCache(text, file, false);
}
