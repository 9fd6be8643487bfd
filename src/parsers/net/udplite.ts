/**
 * /proc/net/udplite — the IPv4 UDP-Lite sockets, one row per socket.
 * Kernel: net/ipv4/udplite.c, udplite4_seq_afinfo → net/ipv4/udp.c, udp4_seq_show().
 * Format: formats/sockets.ts.
 * Sample: "13285: 0100007F:9CC2 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 14192 2 …"
 */
import { socketTableHandler } from '../formats/sockets';

export const udplite = socketTableHandler('net/udplite', 'IPv4 UDP-Lite sockets', 'dgram', false);
