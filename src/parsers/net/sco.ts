/**
 * /proc/net/sco — open Bluetooth SCO sockets.
 * Kernel: net/bluetooth/sco.c, sco_init() → bt_procfs_init(); rows from
 * net/bluetooth/af_bluetooth.c, bt_seq_show(). Format: formats/bluetooth.ts.
 * Sample: "ffff880800b39c00 2      0      0      0      7816   00:00:00:00:00:00 00:00:00:00:00:00 0     "
 */
import { bluetoothSocketsHandler } from '../formats/bluetooth';

export const sco = bluetoothSocketsHandler('net/sco', 'Bluetooth SCO sockets');
