/**
 * /proc/net/raw — the IPv4 raw sockets, one row per socket.
 * Kernel: net/ipv4/raw.c, raw_seq_show() → raw_sock_seq_show().
 * Format: formats/sockets.ts.
 * Sample: " 150: 00000000:0001 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 14194 2 …"
 */
import { socketTableHandler } from '../formats/sockets';

export const raw = socketTableHandler('net/raw', 'IPv4 raw sockets', 'dgram', false);
