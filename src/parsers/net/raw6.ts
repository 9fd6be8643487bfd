/**
 * /proc/net/raw6 — the IPv6 raw sockets, one row per socket.
 * Kernel: net/ipv6/raw.c, raw6_seq_show() → net/ipv6/datagram.c, __ip6_dgram_sock_seq_show().
 * Format: formats/sockets.ts.
 * Sample: "   38: 00000000000000000000000000000000:003A 00000000000000000000000000000000:0000 07 …"
 */
import { socketTableHandler } from '../formats/sockets';

export const raw6 = socketTableHandler('net/raw6', 'IPv6 raw sockets', 'dgram', true);
