/**
 * /proc/net/hci — open Bluetooth HCI sockets.
 * Kernel: net/bluetooth/hci_sock.c, hci_sock_init() → bt_procfs_init(); rows from
 * net/bluetooth/af_bluetooth.c, bt_seq_show(). Format: formats/bluetooth.ts.
 * Sample: "ffff880800b39c00 2      0      0      0      7816   00:00:00:00:00:00 00:00:00:00:00:00 0     "
 */
import { bluetoothSocketsHandler } from '../formats/bluetooth';

export const hci = bluetoothSocketsHandler('net/hci', 'Bluetooth HCI sockets');
