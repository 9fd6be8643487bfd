/**
 * /proc/net/mcfilter — IPv4 multicast source filters (IGMPv3).
 * Kernel: net/ipv4/igmp.c, igmp_mcf_seq_show().
 * Sample: "  4   eth0 0xe8010203 0xc0000201      1      0"
 *
 * Columns keep the header's names: Idx (ifindex), Device (at most 6
 * characters: the kernel prints `%6.6s`), MCA and SRC (group and source,
 * `0x%08x` of ntohl(): network order, kept as written), INC and EXC (include
 * and exclude counts); `mca` and `src` are the dotted-quad addresses.
 */
import { defineHandler } from '../../handler';
import { fields, headerTable, Lines } from '../helpers';
import { ipv4FromNetworkHex } from './address';

export interface McfilterRecord {
  Idx: number;
  Device: string;
  MCA: string;
  SRC: string;
  INC: number;
  EXC: number;
  mca: string;
  src: string;
}

export function parseMcfilter(text: string, file = 'net/mcfilter'): McfilterRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  // Exactly the kernel's header: the columns are read by these names.
  if (fields(src.lines[0]).join(' ') !== 'Idx Device MCA SRC INC EXC') src.fail(0, 'expected the header line "Idx Device MCA SRC INC EXC"');
  const rows = headerTable(src, { numeric: ['Idx', 'INC', 'EXC'] });
  return rows.map((row, n) => {
    const record = row as unknown as McfilterRecord;
    const mca = ipv4FromNetworkHex(record.MCA);
    const source = ipv4FromNetworkHex(record.SRC);
    if (mca === undefined) src.fail(n + 1, `MCA is not 0x and 8 hex digits (${JSON.stringify(record.MCA)})`);
    if (source === undefined) src.fail(n + 1, `SRC is not 0x and 8 hex digits (${JSON.stringify(record.SRC)})`);
    record.mca = mca;
    record.src = source;
    return record;
  });
}

export const mcfilter = defineHandler<McfilterRecord>({
  name: 'net/mcfilter',
  summary: 'IPv4 multicast source filters',
  parse: parseMcfilter,
});
