/**
 * /proc/net/icmp — the IPv4 ping (ICMP datagram) sockets, one row per socket.
 * Kernel: net/ipv4/ping.c, ping_v4_seq_show() → ping_v4_format_sock().
 * Format: formats/sockets.ts.
 * Sample: "   17: 0100007F:0011 0100007F:0000 01 00000000:00000000 00:00000000 00000000  1000        0 52310 2 …"
 */
import { socketTableHandler } from '../formats/sockets';

export const icmp = socketTableHandler('net/icmp', 'IPv4 ping (ICMP datagram) sockets', 'dgram', false);
