/**
 * /proc/net/tcp6 — the IPv6 TCP sockets, one row per socket.
 * Kernel: net/ipv6/tcp_ipv6.c, tcp6_seq_show() → get_tcp6_sock(), get_openreq6(), get_timewait6_sock().
 * Format: formats/sockets.ts.
 * Sample: "   0: 00000000000000000000000000000000:9CBC 00000000000000000000000000000000:0000 0A …"
 */
import { socketTableHandler } from '../formats/sockets';

export const tcp6 = socketTableHandler('net/tcp6', 'IPv6 TCP sockets', 'tcp', true);
