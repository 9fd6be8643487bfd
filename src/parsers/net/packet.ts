/**
 * /proc/net/packet — AF_PACKET sockets.
 * Kernel: net/packet/af_packet.c, packet_seq_show().
 * Sample: "ffff8807bc89a000 3      3    0003   2     1 0      0      23744 "
 *
 * Columns keep the header's names: sk (%pK address as written), RefCnt, Type
 * (SOCK_RAW 3, SOCK_DGRAM 2), Proto (the ethertype, hex as written), Iface
 * (ifindex, 0 for all), R (running), Rmem, User, Inode. Columns a newer
 * kernel adds to the header are kept under their header names, as text.
 */
import { defineHandler } from '../../handler';
import { headerTable, isHex, Lines } from '../helpers';

export interface PacketRecord {
  sk: string;
  RefCnt: number;
  Type: number;
  Proto: string;
  Iface: number;
  R: number;
  Rmem: number;
  User: number;
  Inode: number;
  [column: string]: string | number;
}

export function parsePacket(text: string, file = 'net/packet'): PacketRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  if (!src.lines[0].startsWith('sk ')) src.fail(0, 'expected the header line "sk RefCnt Type …"');
  const rows = headerTable(src, { numeric: ['RefCnt', 'Type', 'Iface', 'R', 'Rmem', 'User', 'Inode', 'Drops'] });
  rows.forEach((row, n) => {
    if (!isHex(String(row.Proto))) src.fail(n + 1, `Proto is not hexadecimal (${JSON.stringify(row.Proto)})`);
  });
  return rows as unknown as PacketRecord[];
}

export const packet = defineHandler<PacketRecord>({
  name: 'net/packet',
  summary: 'AF_PACKET sockets',
  parse: parsePacket,
});
