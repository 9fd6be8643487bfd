/**
 * /proc/net/l2cap — open Bluetooth L2CAP sockets.
 * Kernel: net/bluetooth/l2cap_sock.c, l2cap_init_sockets() → bt_procfs_init(); rows from
 * net/bluetooth/af_bluetooth.c, bt_seq_show(). Format: formats/bluetooth.ts.
 * Sample: "ffff880800b39c00 2      0      0      0      7816   00:00:00:00:00:00 00:00:00:00:00:00 0     "
 */
import { bluetoothSocketsHandler } from '../formats/bluetooth';

export const l2cap = bluetoothSocketsHandler('net/l2cap', 'Bluetooth L2CAP sockets');
