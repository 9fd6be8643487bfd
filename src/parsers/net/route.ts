/**
 * /proc/net/route — the IPv4 main routing table.
 * Kernel: net/ipv4/fib_trie.c, fib_route_seq_show() (flags from fib_flag_trans()).
 * Sample: "eth0\t00000000\t0101A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0"
 *
 * Columns keep the header's names with their raw text (Destination, Gateway and
 * Mask are host-order hex words, Flags hex); decoded: `destination`, `gateway`,
 * `mask` as dotted quads, `prefix_length` (when the mask is contiguous) and
 * `flags` as route(8) letters (U up, G gateway, H host, R reinstate, D dynamic,
 * M modified, ! reject) plus `flag_names` (RTF_* without the prefix).
 */
import { defineHandler } from '../../handler';
import { decodeFlags, fields, Lines } from '../helpers';
import { ipv4FromHostHex, ipv4MaskLength } from './address';

export interface RouteRecord {
  Iface: string;
  Destination: string;
  Gateway: string;
  Flags: string;
  RefCnt: number;
  Use: number;
  Metric: number;
  Mask: string;
  MTU: number;
  Window: number;
  IRTT: number;
  destination: string;
  gateway: string;
  mask: string;
  prefix_length?: number;
  flags: string;
  flag_names: string[];
}

/** RTF_* bits of include/uapi/linux/route.h with route(8)'s letters. */
const FLAGS: readonly [bit: number, letter: string, name: string][] = [
  [0x0001, 'U', 'UP'],
  [0x0002, 'G', 'GATEWAY'],
  [0x0004, 'H', 'HOST'],
  [0x0008, 'R', 'REINSTATE'],
  [0x0010, 'D', 'DYNAMIC'],
  [0x0020, 'M', 'MODIFIED'],
  [0x0200, '!', 'REJECT'],
];

const NUMERIC = new Set(['RefCnt', 'Use', 'Metric', 'MTU', 'Window', 'IRTT']);

export function parseRoute(text: string, file = 'net/route'): RouteRecord[] {
  const src: Lines = new Lines(file, text);
  const records: RouteRecord[] = [];
  if (src.length === 0) return records;
  const header = fields(src.lines[0]);
  if (header[0] !== 'Iface') src.fail(0, 'expected the header line "Iface Destination …"');
  for (const name of ['Destination', 'Gateway', 'Flags', 'Mask']) {
    if (!header.includes(name)) src.fail(0, `header has no ${name} column`);
  }
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== header.length) src.fail(i, `expected ${header.length} columns as the header names, found ${f.length}`);
    const row: Record<string, string | number> = {};
    for (let c = 0; c < header.length; c++) row[header[c]] = NUMERIC.has(header[c]) ? src.int(f[c], i, header[c]) : f[c];
    const address = (name: string): string => {
      const text = ipv4FromHostHex(row[name] as string);
      if (text === undefined) src.fail(i, `${name} is not an 8-digit hex address (${JSON.stringify(row[name])})`);
      return text;
    };
    const record = row as unknown as RouteRecord;
    record.destination = address('Destination');
    record.gateway = address('Gateway');
    record.mask = address('Mask');
    const length = ipv4MaskLength(record.mask);
    if (length !== undefined) record.prefix_length = length;
    const bits = src.hex(record.Flags, i, 'Flags');
    record.flags = FLAGS.filter(([bit]) => (bits & bit) !== 0)
      .map(([, letter]) => letter)
      .join('');
    record.flag_names = decodeFlags(bits, FLAGS);
    records.push(record);
  }
  return records;
}

export const route = defineHandler<RouteRecord>({
  name: 'net/route',
  summary: 'IPv4 routing table (main)',
  parse: parseRoute,
});
