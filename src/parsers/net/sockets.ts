/**
 * /proc/net/{tcp,tcp6,udp,udp6,udplite,udplite6,raw,raw6,icmp,icmp6} — socket tables.
 * Kernel: net/ipv4/tcp_ipv4.c get_tcp4_sock() (get_openreq4(), get_timewait4_sock());
 * net/ipv6/tcp_ipv6.c get_tcp6_sock(); net/ipv4/udp.c udp4_format_sock();
 * net/ipv4/raw.c raw_sock_seq_show(); net/ipv4/ping.c ping_v4_format_sock();
 * net/ipv6/datagram.c __ip6_dgram_sock_seq_show() (udp6, udplite6, raw6, icmp6).
 * Sample (tcp): "   0: 0100007F:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000   120        0 13779 1 ffff8807df4e8000 100 0 0 10 -1"
 *
 * Columns: sl, local and remote address:port, st, tx_queue:rx_queue, tr:tm->when,
 * retrnsmt, uid, timeout, inode, then per protocol: tcp adds ref, pointer, rto,
 * ato, (ack.quick<<1)|pingpong, cwnd, ssthresh (TIME_WAIT and SYN_RECV rows stop
 * after pointer); the datagram tables add ref, pointer, drops. Addresses keep the
 * raw hex (`local_address`, `rem_address`) and are decoded to `local_ip`/`local_port`
 * and `rem_ip`/`rem_port` (see address.ts). `st` is the hex state as written,
 * `state` its kernel name (TCP_* names, also used by sk_state of the datagram
 * sockets: 07 CLOSE is an unconnected UDP socket). Queue sizes, timer and
 * retransmit counts are hex in the file and numbers here.
 *
 * Fixtures: fixtures/proc/net/* were captured on this machine while a script held
 * sockets of each kind open (listening, connected, TIME_WAIT, IPv4-mapped, raw,
 * UDP-Lite). Ping sockets are disabled here (net.ipv4.ping_group_range), so the
 * icmp and icmp6 rows (fixtures/synthetic/proc/net/{icmp,icmp6}) are synthetic,
 * written after ping_v4_format_sock() (padded to 127 columns by seq_pad()) and
 * __ip6_dgram_sock_seq_show().
 *
 * Hot path: /proc/net/tcp can have 100,000+ rows, so rows are tokenised by hand
 * and decoded addresses are cached (npm run bench measures it: bench/run.ts).
 */
import { defineHandler, type Handler } from '../../handler';
import { Lines } from '../helpers';
import { ipv6FromHostWordsHex } from './address';

export interface SocketRecord {
  /** Slot (tcp: row number; udp/raw: hash bucket). */
  sl: number;
  /** `ADDR:PORT` hex as written. */
  local_address: string;
  rem_address: string;
  local_ip: string;
  local_port: number;
  rem_ip: string;
  rem_port: number;
  /** State code as written (hex), e.g. `0A`. */
  st: string;
  /** Kernel state name (`LISTEN`, `ESTABLISHED`, `CLOSE`, …); absent for an unknown code. */
  state?: string;
  tx_queue: number;
  rx_queue: number;
  /** Timer active (`tr`): 0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero-window probe. */
  tr: number;
  /** Name of `tr`: off, retransmit, keepalive, timewait, probe. */
  timer?: string;
  /** `tm->when`: clock ticks until the timer expires (negative when Linux 3.x prints an overdue one). */
  tm_when: number;
  retrnsmt: number;
  uid: number;
  /** tcp: unanswered zero-window probes; 0 elsewhere. */
  timeout: number;
  inode: number;
  ref?: number;
  /** Socket address as printed by %pK (hashed or zero without privilege). */
  pointer?: string;
  /** Datagram sockets: dropped datagrams. */
  drops?: number;
  /** tcp: retransmit timeout, in clock ticks. */
  rto?: number;
  /** tcp: delayed-ACK timeout, in clock ticks. */
  ato?: number;
  /** tcp: (icsk_ack.quick << 1) | pingpong. */
  quick_pingpong?: number;
  /** tcp: sending congestion window. */
  cwnd?: number;
  /** tcp: slow-start threshold (-1 while in initial slow start; max_qlen for LISTEN). */
  ssthresh?: number;
  /** Columns past the known ones (a newer kernel). */
  extra?: string[];
}

/** sk_state values (include/net/tcp_states.h). */
const STATES: readonly (string | undefined)[] = [
  undefined,
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'CLOSING',
  'NEW_SYN_RECV',
  'BOUND_INACTIVE',
];

const TIMERS: readonly string[] = ['off', 'retransmit', 'keepalive', 'timewait', 'probe'];

type Kind = 'tcp' | 'dgram';
const TRAILING: Record<Kind, readonly string[]> = {
  tcp: ['ref', 'pointer', 'rto', 'ato', 'quick_pingpong', 'cwnd', 'ssthresh'],
  dgram: ['ref', 'pointer', 'drops'],
};

/** Hex digits to a number, -1 when a character is not a hex digit (or empty). */
function hexNumber(s: string, start: number, end: number): number {
  if (end <= start) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 65 && c <= 70) d = c - 55;
    else if (c >= 97 && c <= 102) d = c - 87;
    else return -1;
    n = n * 16 + d;
  }
  return n;
}

/** Strict decimal (optional leading -) of s[start, end), NaN when malformed. */
function decimalAt(s: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (s.charCodeAt(i) === 45) {
    negative = true;
    i++;
  }
  if (i >= end) return NaN;
  let n = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  // Beyond 2^53 the digit loop loses precision; let Number() round as everywhere else.
  if (n > Number.MAX_SAFE_INTEGER) n = Math.abs(Number(s.slice(start, end)));
  return negative ? -n : n;
}

const CACHE_LIMIT = 65536;
const MAX_TOKENS = 64;

/** IPv4 text of a host-order word already parsed as a number (little-endian host). */
function ipv4FromWord(word: number): string {
  return `${word & 255}.${(word >>> 8) & 255}.${(word >>> 16) & 255}.${word >>> 24}`;
}

/** Canonical two-digit state codes, so that rows do not each allocate their own `st` string. */
const ST_TEXT: readonly string[] = Array.from({ length: 256 }, (_, n) => n.toString(16).toUpperCase().padStart(2, '0'));

function makeParser(kind: Kind, ipv6: boolean, defaultFile: string) {
  const addressLength = ipv6 ? 32 : 8;
  const endpointLength = addressLength + 5;
  const trailing = TRAILING[kind];
  const isTcp = kind === 'tcp';
  return function parse(text: string, file = defaultFile): SocketRecord[] {
    const records: SocketRecord[] = [];
    if (text.length === 0) return records;
    let lineIndex = 0;
    const fail = (reason: string): never => new Lines(file, text).fail(lineIndex, reason);
    const v4cache = new Map<number, string>();
    const v6cache = new Map<string, string>();
    const starts = new Int32Array(MAX_TOKENS);
    const ends = new Int32Array(MAX_TOKENS);
    const length = text.length;

    // Tokenises text[pos, lineEnd) into starts/ends from token `n`; returns the count (at most MAX_TOKENS are kept).
    const tokenize = (pos: number, lineEnd: number, n: number): number => {
      let i = pos;
      while (i < lineEnd) {
        let c = text.charCodeAt(i);
        while (i < lineEnd && (c === 32 || c === 9)) c = text.charCodeAt(++i);
        if (i >= lineEnd) break;
        const start = i;
        while (i < lineEnd && c !== 32 && c !== 9) c = text.charCodeAt(++i);
        if (n < MAX_TOKENS) {
          starts[n] = start;
          ends[n] = i;
        }
        n++;
      }
      return n;
    };
    // The columns from local_address to retrnsmt have a fixed width ("%08X:%04X %08X:%04X %02X
    // %08X:%08X %02X:%08lX %08X"): when the separators sit where that format puts them, set
    // tokens 1-6 directly and tokenise only the rest of the line. `p` is just past "sl:".
    const E = endpointLength;
    const fixedTokens = (p: number, lineEnd: number): number => {
      const stop = p + 44 + 2 * E;
      if (
        stop >= lineEnd ||
        text.charCodeAt(p) !== 32 ||
        text.charCodeAt(p + 1) === 32 ||
        text.charCodeAt(p + 1 + E) !== 32 ||
        text.charCodeAt(p + 2 + 2 * E) !== 32 ||
        text.charCodeAt(p + 5 + 2 * E) !== 32 ||
        text.charCodeAt(p + 14 + 2 * E) !== 58 ||
        text.charCodeAt(p + 23 + 2 * E) !== 32 ||
        text.charCodeAt(p + 26 + 2 * E) !== 58 ||
        text.charCodeAt(p + 35 + 2 * E) !== 32 ||
        text.charCodeAt(stop) !== 32
      ) {
        return -1;
      }
      starts[1] = p + 1;
      ends[1] = p + 1 + E;
      starts[2] = p + 2 + E;
      ends[2] = p + 2 + 2 * E;
      starts[3] = p + 3 + 2 * E;
      ends[3] = p + 5 + 2 * E;
      starts[4] = p + 6 + 2 * E;
      ends[4] = p + 23 + 2 * E;
      starts[5] = p + 24 + 2 * E;
      ends[5] = p + 35 + 2 * E;
      starts[6] = p + 36 + 2 * E;
      ends[6] = stop;
      return tokenize(stop, lineEnd, 7);
    };
    const address = (at: number, what: string): string => {
      if (ipv6) {
        const hex = text.slice(at, at + 32);
        let decoded = v6cache.get(hex);
        if (decoded === undefined) {
          decoded = ipv6FromHostWordsHex(hex);
          if (decoded === undefined) fail(`${what} is not a 32-digit hex address (${JSON.stringify(hex)})`);
          if (v6cache.size >= CACHE_LIMIT) v6cache.clear();
          v6cache.set(hex, decoded as string);
        }
        return decoded as string;
      }
      const word = hexNumber(text, at, at + 8);
      if (word < 0) fail(`${what} is not a 8-digit hex address (${JSON.stringify(text.slice(at, at + 8))})`);
      // `| 0` keeps the key a small integer (a 32-bit word above 2^31 would be a heap number).
      const key = word | 0;
      let decoded = v4cache.get(key);
      if (decoded === undefined) {
        decoded = ipv4FromWord(word);
        if (v4cache.size >= CACHE_LIMIT) v4cache.clear();
        v4cache.set(key, decoded);
      }
      return decoded;
    };
    const hexField = (t: number, what: string): number => {
      const value = hexNumber(text, starts[t], ends[t]);
      if (value < 0) fail(`${what} is not hexadecimal (${JSON.stringify(text.slice(starts[t], ends[t]))})`);
      return value;
    };
    const intField = (t: number, what: string): number => {
      const value = decimalAt(text, starts[t], ends[t]);
      if (Number.isNaN(value)) fail(`${what} is not an integer (${JSON.stringify(text.slice(starts[t], ends[t]))})`);
      return value;
    };
    /** Splits "hex:hex" token t at its colon; returns the colon index or fails. */
    const colonOf = (t: number, what: string): number => {
      const colon = text.indexOf(':', starts[t]);
      if (colon <= starts[t] || colon >= ends[t] - 1) fail(`${what} is not hex:hex (${JSON.stringify(text.slice(starts[t], ends[t]))})`);
      return colon;
    };

    let pos = 0;
    // The header line.
    let lineEnd = text.indexOf('\n');
    if (lineEnd < 0) lineEnd = length;
    const headerTokens = tokenize(0, lineEnd, 0);
    if (headerTokens === 0 || text.slice(starts[0], ends[0]) !== 'sl') fail('expected the header line "sl local_address …"');
    pos = lineEnd + 1;
    lineIndex = 1;
    for (; pos < length; pos = lineEnd + 1, lineIndex++) {
      lineEnd = text.indexOf('\n', pos);
      if (lineEnd < 0) lineEnd = length;
      // The first token ("sl:"), then the fixed-width columns when they are where the format puts them.
      let i = pos;
      while (i < lineEnd && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      if (i >= lineEnd) continue;
      starts[0] = i;
      while (i < lineEnd && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) i++;
      ends[0] = i;
      let n = text.charCodeAt(i - 1) === 58 ? fixedTokens(i, lineEnd) : -1;
      if (n < 0) n = tokenize(i, lineEnd, 1);

      if (n < 12) fail(`expected at least 12 columns, found ${n}`);

      if (text.charCodeAt(ends[0] - 1) !== 58) fail('expected "sl:" first');
      const sl = decimalAt(text, starts[0], ends[0] - 1);
      if (Number.isNaN(sl)) fail(`sl is not an integer (${JSON.stringify(text.slice(starts[0], ends[0]))})`);

      const ls = starts[1];
      const rs = starts[2];
      if (ends[1] - ls !== endpointLength || text.charCodeAt(ls + addressLength) !== 58) {
        fail(`local_address is not ADDR:PORT (${JSON.stringify(text.slice(ls, ends[1]))})`);
      }
      if (ends[2] - rs !== endpointLength || text.charCodeAt(rs + addressLength) !== 58) {
        fail(`rem_address is not ADDR:PORT (${JSON.stringify(text.slice(rs, ends[2]))})`);
      }
      const localIp = address(ls, 'local_address');
      const remIp = address(rs, 'rem_address');
      const localPort = hexNumber(text, ls + addressLength + 1, ends[1]);
      const remPort = hexNumber(text, rs + addressLength + 1, ends[2]);
      if (localPort < 0) fail(`local port is not hexadecimal (${JSON.stringify(text.slice(ls, ends[1]))})`);
      if (remPort < 0) fail(`remote port is not hexadecimal (${JSON.stringify(text.slice(rs, ends[2]))})`);

      const code = hexField(3, 'st');
      const st = ends[3] - starts[3] === 2 && code < 256 && text.charCodeAt(starts[3]) < 97 && text.charCodeAt(starts[3] + 1) < 97
        ? ST_TEXT[code]
        : text.slice(starts[3], ends[3]);

      const q = colonOf(4, 'tx_queue:rx_queue');
      const txQueue = hexNumber(text, starts[4], q);
      const rxQueue = hexNumber(text, q + 1, ends[4]);
      if (txQueue < 0 || rxQueue < 0) fail(`tx_queue:rx_queue is not hex:hex (${JSON.stringify(text.slice(starts[4], ends[4]))})`);

      const w = colonOf(5, 'tr:tm->when');
      const tr = hexNumber(text, starts[5], w);
      let when = hexNumber(text, w + 1, ends[5]);
      if (tr < 0 || when < 0) fail(`tr:tm->when is not hex:hex (${JSON.stringify(text.slice(starts[5], ends[5]))})`);
      // Older kernels print an expired timer's negative delta with %08lX: 16 digits, two's complement.
      if (ends[5] - w - 1 === 16 && when >= 2 ** 63) when = Number(BigInt.asIntN(64, BigInt(`0x${text.slice(w + 1, ends[5])}`)));

      const retrnsmt = hexField(6, 'retrnsmt');
      const uid = intField(7, 'uid');
      const timeout = intField(8, 'timeout');
      const inode = intField(9, 'inode');
      const ref = intField(10, 'ref');
      const localAddress = text.slice(ls, ends[1]);
      const remAddress = text.slice(rs, ends[2]);
      const pointer = text.slice(starts[11], ends[11]);
      const state = STATES[code];
      const timer = TIMERS[tr];
      // One object literal per row shape keeps V8's objects small and fast.
      let record: SocketRecord;
      if (isTcp && n >= 17) {
        record = {
          sl, local_address: localAddress, rem_address: remAddress, local_ip: localIp, local_port: localPort,
          rem_ip: remIp, rem_port: remPort, st, state, tx_queue: txQueue, rx_queue: rxQueue, tr, timer,
          tm_when: when, retrnsmt, uid, timeout, inode, ref, pointer,
          rto: intField(12, 'rto'), ato: intField(13, 'ato'), quick_pingpong: intField(14, 'quick_pingpong'),
          cwnd: intField(15, 'cwnd'), ssthresh: intField(16, 'ssthresh'),
        };
      } else if (!isTcp && n >= 13) {
        record = {
          sl, local_address: localAddress, rem_address: remAddress, local_ip: localIp, local_port: localPort,
          rem_ip: remIp, rem_port: remPort, st, state, tx_queue: txQueue, rx_queue: rxQueue, tr, timer,
          tm_when: when, retrnsmt, uid, timeout, inode, ref, pointer, drops: intField(12, 'drops'),
        };
      } else {
        record = {
          sl, local_address: localAddress, rem_address: remAddress, local_ip: localIp, local_port: localPort,
          rem_ip: remIp, rem_port: remPort, st, state, tx_queue: txQueue, rx_queue: rxQueue, tr, timer,
          tm_when: when, retrnsmt, uid, timeout, inode, ref, pointer,
        };
        if (isTcp) {
          if (n > 12) record.rto = intField(12, 'rto');
          if (n > 13) record.ato = intField(13, 'ato');
          if (n > 14) record.quick_pingpong = intField(14, 'quick_pingpong');
          if (n > 15) record.cwnd = intField(15, 'cwnd');
        }
      }
      if (record.state === undefined) delete record.state;
      if (record.timer === undefined) delete record.timer;
      const known = 10 + trailing.length;
      if (n > known) {
        if (n > MAX_TOKENS) fail(`expected at most ${MAX_TOKENS} columns, found ${n}`);
        const extra: string[] = [];
        for (let t = known; t < n; t++) extra.push(text.slice(starts[t], ends[t]));
        record.extra = extra;
      }
      records.push(record);
    }
    return records;
  };
}

export const parseTcp = makeParser('tcp', false, 'net/tcp');
export const parseTcp6 = makeParser('tcp', true, 'net/tcp6');
export const parseUdp = makeParser('dgram', false, 'net/udp');
export const parseUdp6 = makeParser('dgram', true, 'net/udp6');
export const parseUdplite = makeParser('dgram', false, 'net/udplite');
export const parseUdplite6 = makeParser('dgram', true, 'net/udplite6');
export const parseRaw = makeParser('dgram', false, 'net/raw');
export const parseRaw6 = makeParser('dgram', true, 'net/raw6');
export const parseIcmp = makeParser('dgram', false, 'net/icmp');
export const parseIcmp6 = makeParser('dgram', true, 'net/icmp6');

function socketHandler(name: string, summary: string, parse: (text: string, file?: string) => SocketRecord[]): Handler<SocketRecord> {
  return defineHandler<SocketRecord>({ name, summary, parse: (text, file) => parse(text, file) });
}

export const tcp = socketHandler('net/tcp', 'IPv4 TCP sockets', parseTcp);
export const tcp6 = socketHandler('net/tcp6', 'IPv6 TCP sockets', parseTcp6);
export const udp = socketHandler('net/udp', 'IPv4 UDP sockets', parseUdp);
export const udp6 = socketHandler('net/udp6', 'IPv6 UDP sockets', parseUdp6);
export const udplite = socketHandler('net/udplite', 'IPv4 UDP-Lite sockets', parseUdplite);
export const udplite6 = socketHandler('net/udplite6', 'IPv6 UDP-Lite sockets', parseUdplite6);
export const raw = socketHandler('net/raw', 'IPv4 raw sockets', parseRaw);
export const raw6 = socketHandler('net/raw6', 'IPv6 raw sockets', parseRaw6);
export const icmp = socketHandler('net/icmp', 'IPv4 ping (ICMP datagram) sockets', parseIcmp);
export const icmp6 = socketHandler('net/icmp6', 'IPv6 ping (ICMPv6 datagram) sockets', parseIcmp6);
