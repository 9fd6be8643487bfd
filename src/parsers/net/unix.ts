/**
 * /proc/net/unix — Unix domain sockets.
 * Kernel: net/unix/af_unix.c, unix_seq_show().
 * Sample: "ffff8807e23de180: 00000003 00000000 00000000 0001 03  8565 @/com/ubuntu/upstart"
 *
 * Columns keep the header's names: Num (the socket address as %pK prints it,
 * without its colon), RefCount (hex in the file, a number here), Protocol
 * (always 0), Flags (hex as written; __SO_ACCEPTCON 0x10000 marks a listening
 * socket), Type and St (hex codes as written), Inode, and Path when the socket
 * is bound (absent otherwise; abstract names keep their leading `@`, and the
 * path is the rest of the line, spaces included). Decoded: `type` (STREAM,
 * DGRAM, SEQPACKET), `state` (socket_state: UNCONNECTED, CONNECTING,
 * CONNECTED, DISCONNECTING), `listening` and `flag_names` (names of the Flags bits).
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';

export interface UnixRecord {
  Num: string;
  RefCount: number;
  Protocol: number;
  Flags: string;
  Type: string;
  St: string;
  Inode: number;
  Path?: string;
  /** SOCK_* name of Type. */
  type?: string;
  /** socket_state name of St. */
  state?: string;
  /** Whether the socket listens (Flags has __SO_ACCEPTCON). */
  listening: boolean;
  /** Names of the Flags bits. */
  flag_names: string[];
}

const TYPES: Record<number, string> = { 1: 'STREAM', 2: 'DGRAM', 3: 'RAW', 4: 'RDM', 5: 'SEQPACKET', 6: 'DCCP', 10: 'PACKET' };
const STATES: readonly string[] = ['FREE', 'UNCONNECTED', 'CONNECTING', 'CONNECTED', 'DISCONNECTING'];
const SO_ACCEPTCON = 0x10000;

/** Index just past the `count`-th whitespace-separated token of `line`. */
function endOfToken(line: string, count: number): number {
  let i = 0;
  for (let t = 0; t < count; t++) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
  }
  return i;
}

export function parseUnix(text: string, file = 'net/unix'): UnixRecord[] {
  const src: Lines = new Lines(file, text);
  const records: UnixRecord[] = [];
  if (src.length === 0) return records;
  if (fields(src.lines[0])[0] !== 'Num') src.fail(0, 'expected the header line "Num RefCount …"');
  for (let i = 1; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const f = fields(line);
    if (f.length < 7) src.fail(i, `expected at least 7 columns, found ${f.length}`);
    if (!f[0].endsWith(':')) src.fail(i, 'expected "Num:" first');
    const flagsValue = src.hex(f[3], i, 'Flags');
    const typeCode = src.hex(f[4], i, 'Type');
    const stCode = src.hex(f[5], i, 'St');
    const record: UnixRecord = {
      Num: f[0].slice(0, -1),
      RefCount: src.hex(f[1], i, 'RefCount'),
      Protocol: src.hex(f[2], i, 'Protocol'),
      Flags: f[3],
      Type: f[4],
      St: f[5],
      Inode: src.int(f[6], i, 'Inode'),
    } as UnixRecord;
    // The path is everything after the single space that follows the inode (it may hold spaces).
    if (f.length > 7) record.Path = line.slice(endOfToken(line, 7) + 1);
    if (TYPES[typeCode] !== undefined) record.type = TYPES[typeCode];
    if (STATES[stCode] !== undefined) record.state = STATES[stCode];
    record.listening = (flagsValue & SO_ACCEPTCON) !== 0;
    record.flag_names = record.listening ? ['__SO_ACCEPTCON'] : [];
    const otherFlags = flagsValue & ~SO_ACCEPTCON;
    if (otherFlags !== 0) record.flag_names.push(`0x${otherFlags.toString(16)}`);
    records.push(record);
  }
  return records;
}

export const unix = defineHandler<UnixRecord>({
  name: 'net/unix',
  summary: 'Unix domain sockets',
  parse: parseUnix,
});
