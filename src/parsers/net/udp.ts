/**
 * /proc/net/udp — the IPv4 UDP sockets, one row per socket.
 * Kernel: net/ipv4/udp.c, udp4_seq_show() → udp4_format_sock().
 * Format: formats/sockets.ts.
 * Sample: "13281: 00000000:9CBE 00000000:0000 07 00000000:00000340 00:00000000 00000000     0        0 14188 2 …"
 */
import { socketTableHandler } from '../formats/sockets';

export const udp = socketTableHandler('net/udp', 'IPv4 UDP sockets', 'dgram', false);
