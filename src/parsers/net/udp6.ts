/**
 * /proc/net/udp6 — the IPv6 UDP sockets, one row per socket.
 * Kernel: net/ipv6/udp.c, udp6_seq_show() → net/ipv6/datagram.c, __ip6_dgram_sock_seq_show().
 * Format: formats/sockets.ts.
 * Sample: "13283: 00000000000000000000000001000000:9CC0 00000000000000000000000000000000:0000 07 …"
 */
import { socketTableHandler } from '../formats/sockets';

export const udp6 = socketTableHandler('net/udp6', 'IPv6 UDP sockets', 'dgram', true);
