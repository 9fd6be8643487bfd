/**
 * /proc/net/bnep, hci, l2cap, sco (and other Bluetooth protocol lists) — open Bluetooth sockets.
 * Kernel: net/bluetooth/af_bluetooth.c, bt_seq_show(): header
 * "sk               RefCnt Rmem   Wmem   User   Inode  Parent" (plus the
 * names printed by a protocol's custom_seq_show, if it has one; Linux 3.2
 * prints "… Inode  Src Dst Parent"), then `"%pK %-6d %-6u %-6u %-6u %-6lu %-6lu"`
 * and the protocol's own columns.
 * Sample: "ffff880800b39c00 2      0      0      0      7816   00:00:00:00:00:00 00:00:00:00:00:00 0     "
 *
 * Columns keep the header's names. RefCnt, Rmem, Wmem, User, Inode and
 * Parent are numbers; `sk` (a kernel pointer) and the protocol's columns
 * (addresses) stay text as written.
 */
import { defineHandler, type Handler } from '../../handler';
import { headerTable, Lines, type Row } from '../helpers';

export interface BluetoothSocketRecord {
  sk: string;
  RefCnt: number;
  Rmem: number;
  Wmem: number;
  User: number;
  Inode: number;
  Parent: number;
  [column: string]: string | number;
}

const NUMERIC = ['RefCnt', 'Rmem', 'Wmem', 'User', 'Inode', 'Parent'];

export function parseBluetoothSockets(text: string, file = 'net/hci'): BluetoothSocketRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (!src.lines[0].startsWith('sk ')) src.fail(0, 'expected the header starting with "sk"');
  const rows: Row[] = headerTable(src, { numeric: NUMERIC });
  return rows as BluetoothSocketRecord[];
}

function bt(name: string, summary: string): Handler<BluetoothSocketRecord> {
  return defineHandler<BluetoothSocketRecord>({ name, summary, parse: (text, file) => parseBluetoothSockets(text, file) });
}

export const bnep = bt('net/bnep', 'Bluetooth BNEP sockets');
export const hci = bt('net/hci', 'Bluetooth HCI sockets');
export const l2cap = bt('net/l2cap', 'Bluetooth L2CAP sockets');
export const sco = bt('net/sco', 'Bluetooth SCO sockets');
