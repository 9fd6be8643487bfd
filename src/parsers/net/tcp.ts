/**
 * /proc/net/tcp — the IPv4 TCP sockets, one row per socket.
 * Kernel: net/ipv4/tcp_ipv4.c, tcp4_seq_show() → get_tcp4_sock(), get_openreq4(), get_timewait4_sock().
 * Format: formats/sockets.ts.
 * Sample: "   0: 0100007F:9CBB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 14177 1 …"
 */
import { socketTableHandler } from '../formats/sockets';

export const tcp = socketTableHandler('net/tcp', 'IPv4 TCP sockets', 'tcp', false);
