/**
 * Not a parser: the record type collectors/tcpstat.ts and collectors/udp_queues.ts
 * import from this path. The handlers are net/tcp.ts, net/udp.ts, … (one per
 * table), their format formats/sockets.ts; delete this file once collectors import from there.
 */
export type { SocketRecord } from '../formats/sockets';
