/**
 * Format: the Bluetooth socket lists, shared by /proc/net/bnep, hci, l2cap, sco
 * (and the other Bluetooth protocols' lists): open Bluetooth sockets.
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

/** The handler of a Bluetooth socket list; `name` is its path under /proc. */
export function bluetoothSocketsHandler(name: string, summary: string): Handler<BluetoothSocketRecord> {
  return defineHandler<BluetoothSocketRecord>({ name, summary, parse: (text, file) => parseBluetoothSockets(text, file ?? name) });
}
