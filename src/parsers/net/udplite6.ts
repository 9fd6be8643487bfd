/**
 * /proc/net/udplite6 — the IPv6 UDP-Lite sockets, one row per socket.
 * Kernel: net/ipv6/udplite.c, udplite6_seq_afinfo → net/ipv6/udp.c, udp6_seq_show().
 * Format: formats/sockets.ts.
 * Sample: "13286: 00000000000000000000000000000000:9CC3 00000000000000000000000000000000:0000 07 …"
 */
import { socketTableHandler } from '../formats/sockets';

export const udplite6 = socketTableHandler('net/udplite6', 'IPv6 UDP-Lite sockets', 'dgram', true);
