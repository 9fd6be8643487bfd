/**
 * /proc/net/netlink — netlink sockets.
 * Kernel: net/netlink/af_netlink.c, netlink_seq_show().
 * Sample: "ffff8807e14d9400 0   1450   00000440 0        0        0000000000000000 2        0        10654"
 *
 * Columns keep the header's names: sk (%pK address), Eth (netlink protocol),
 * Pid (port id), Groups (first 32 group bits, hex as written), Rmem, Wmem,
 * Dump, Locks (the socket refcount), Drops, Inode. Dump stays text: Linux 3.2
 * prints the dump callback's address (0000000000000000), newer kernels whether
 * a dump is running (0 or 1).
 */
import { defineHandler } from '../../handler';
import { headerTable, isHex, Lines } from '../helpers';

export interface NetlinkRecord {
  sk: string;
  Eth: number;
  Pid: number;
  Groups: string;
  Rmem: number;
  Wmem: number;
  Dump: string;
  Locks: number;
  Drops: number;
  Inode: number;
  [column: string]: string | number;
}

export function parseNetlink(text: string, file = 'net/netlink'): NetlinkRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  if (!src.lines[0].startsWith('sk ')) src.fail(0, 'expected the header line "sk Eth Pid …"');
  const rows = headerTable(src, { numeric: ['Eth', 'Pid', 'Rmem', 'Wmem', 'Locks', 'Drops', 'Inode'] });
  rows.forEach((row, n) => {
    if (!isHex(String(row.Groups))) src.fail(n + 1, `Groups is not hexadecimal (${JSON.stringify(row.Groups)})`);
  });
  return rows as unknown as NetlinkRecord[];
}

export const netlink = defineHandler<NetlinkRecord>({
  name: 'net/netlink',
  summary: 'Netlink sockets',
  parse: parseNetlink,
});
