/**
 * /proc/net/icmp6 — the IPv6 ping (ICMPv6 datagram) sockets, one row per socket.
 * Kernel: net/ipv6/ping.c, ping_v6_seq_show() → net/ipv6/datagram.c, __ip6_dgram_sock_seq_show().
 * Format: formats/sockets.ts.
 * Sample: "    9: 00000000000000000000000001000000:0009 00000000000000000000000000000000:0000 07 …"
 */
import { socketTableHandler } from '../formats/sockets';

export const icmp6 = socketTableHandler('net/icmp6', 'IPv6 ping (ICMPv6 datagram) sockets', 'dgram', true);
