/**
 * /proc/net/protocols — registered socket protocols and their methods.
 * Kernel: net/core/sock.c, proto_seq_show() / proto_seq_printf().
 * Sample: "TCP       1600     37    465   no      320   yes  kernel      y  y  y  y  y  y  y  y  y  y  y  y  y  n  y  y  y  y  y"
 *
 * Columns keep the header's names: protocol, size (bytes of its sock), sockets
 * (in use; -1 when not counted), memory (pages, -1 when not accounted), press
 * (memory pressure: yes, no, or NI not implemented), maxhdr, slab (yes/no),
 * module, then one `y`/`n` column per method as the header names them
 * (cl close, co connect, di disconnect, ac accept, io ioctl, in init, de
 * destroy, sh shutdown, ss setsockopt, gs getsockopt, se sendmsg, re recvmsg,
 * sp sendpage (gone in 6.5), bi bind, br backlog_rcv, ha hash, uh unhash,
 * gp get_port, em enter_memory_pressure) — kept as written.
 */
import { defineHandler } from '../../handler';
import { headerTable, Lines } from '../helpers';

export interface ProtocolsRecord {
  protocol: string;
  size: number;
  sockets: number;
  memory: number;
  press: string;
  maxhdr: number;
  slab: string;
  module: string;
  [method: string]: string | number;
}

export function parseProtocols(text: string, file = 'net/protocols'): ProtocolsRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  if (!src.lines[0].startsWith('protocol ')) src.fail(0, 'expected the header line "protocol size sockets …"');
  const rows = headerTable(src, { numeric: ['size', 'sockets', 'memory', 'maxhdr'] });
  return rows as unknown as ProtocolsRecord[];
}

export const protocols = defineHandler<ProtocolsRecord>({
  name: 'net/protocols',
  summary: 'Registered socket protocols and their methods',
  parse: parseProtocols,
});
