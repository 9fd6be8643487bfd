/**
 * /proc/net/rt_cache — the IPv4 routing cache (filled before Linux 3.6; only the
 * header since the cache was removed).
 * Kernel: net/ipv4/route.c, rt_cache_seq_show(): a tab-separated header
 * "Iface\tDestination\tGateway \tFlags\t\tRefCnt\tUse\tMetric\tSource\t\tMTU\tWindow\tIRTT\tTOS\tHHRef\tHHUptod\tSpecDst"
 * padded to 127 characters, then
 * `"%s\t%08X\t%08X\t%8X\t%d\t%u\t%d\t%08X\t%d\t%u\t%u\t%02X\t%d\t%1d\t%08X"` padded likewise.
 * Sample: "eth0\t691188D3\t0101A8C0\t       0\t0\t2\t0\t0E01A8C0\t1500\t0\t0\t00\t-1\t0\t0E01A8C0"
 *
 * Columns keep the header's names. Destination, Gateway, Source and SpecDst
 * are IPv4 addresses printed as one 32-bit word in host (little-endian)
 * order: they are decoded to dotted quads, and the hex as written is kept
 * under `<Name>_hex`. Flags and TOS stay hex text as written.
 */
import { defineHandler } from '../../handler';
import { fields, isHex, Lines } from '../helpers';
import { ipv4Field } from './address';

export interface RtCacheRecord {
  Iface: string;
  Destination: string;
  Destination_hex: string;
  Gateway: string;
  Gateway_hex: string;
  Flags: string;
  RefCnt: number;
  Use: number;
  Metric: number;
  Source: string;
  Source_hex: string;
  MTU: number;
  Window: number;
  IRTT: number;
  TOS: string;
  HHRef: number;
  HHUptod: number;
  SpecDst: string;
  SpecDst_hex: string;
}

const HEADER = [
  'Iface',
  'Destination',
  'Gateway',
  'Flags',
  'RefCnt',
  'Use',
  'Metric',
  'Source',
  'MTU',
  'Window',
  'IRTT',
  'TOS',
  'HHRef',
  'HHUptod',
  'SpecDst',
];

export function parseRtCache(text: string, file = 'net/rt_cache'): RtCacheRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  const header = fields(src.lines[0]);
  if (header.join(' ') !== HEADER.join(' ')) src.fail(0, 'expected the rt_cache header');
  const records: RtCacheRecord[] = [];
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== HEADER.length) src.fail(i, `expected ${HEADER.length} columns, found ${f.length}`);
    const hex = (c: number): string => {
      if (!isHex(f[c])) src.fail(i, `${HEADER[c]} is not hexadecimal (${JSON.stringify(f[c])})`);
      return f[c];
    };
    records.push({
      Iface: f[0],
      Destination: ipv4Field(src, f[1], i, 'Destination'),
      Destination_hex: f[1],
      Gateway: ipv4Field(src, f[2], i, 'Gateway'),
      Gateway_hex: f[2],
      Flags: hex(3),
      RefCnt: src.int(f[4], i, 'RefCnt'),
      Use: src.int(f[5], i, 'Use'),
      Metric: src.int(f[6], i, 'Metric'),
      Source: ipv4Field(src, f[7], i, 'Source'),
      Source_hex: f[7],
      MTU: src.int(f[8], i, 'MTU'),
      Window: src.int(f[9], i, 'Window'),
      IRTT: src.int(f[10], i, 'IRTT'),
      TOS: hex(11),
      HHRef: src.int(f[12], i, 'HHRef'),
      HHUptod: src.int(f[13], i, 'HHUptod'),
      SpecDst: ipv4Field(src, f[14], i, 'SpecDst'),
      SpecDst_hex: f[14],
    });
  }
  return records;
}

export const rtCache = defineHandler<RtCacheRecord>({
  name: 'net/rt_cache',
  summary: 'IPv4 routing cache entries (addresses decoded; empty since Linux 3.6)',
  parse: parseRtCache,
});
