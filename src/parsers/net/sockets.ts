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
 * Fixtures: fixtures/proc/net/* are this machine's; raw, icmp and icmp6 data rows
 * (fixtures/synthetic/proc/net/{raw,icmp,icmp6}) are synthetic, written after
 * raw_sock_seq_show(), ping_v4_format_sock() and __ip6_dgram_sock_seq_show().
 *
 * Hot path: /proc/net/tcp can have 100,000+ rows, so rows are tokenised by hand
 * and decoded addresses are cached (bench/net-tcp.ts measures it).
 */
import { defineHandler, type Handler } from '../../handler';
import { Lines } from '../helpers';
import { ipv4FromHostHex, ipv6FromHostWordsHex } from './address';

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
  /** `tm->when`: clock ticks until the timer expires. */
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

/** Strict decimal (optional leading -), NaN when malformed. */
function decimal(s: string): number {
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= s.length) return NaN;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
  }
  return Number(s);
}

const CACHE_LIMIT = 65536;

/** Splits a line on spaces and tabs into `out`; returns the count. */
function tokenize(line: string, out: string[]): number {
  let n = 0;
  const length = line.length;
  let i = 0;
  while (i < length) {
    let c = line.charCodeAt(i);
    while (i < length && (c === 32 || c === 9)) c = line.charCodeAt(++i);
    if (i >= length) break;
    const start = i;
    while (i < length && c !== 32 && c !== 9) c = line.charCodeAt(++i);
    out[n++] = line.slice(start, i);
  }
  return n;
}

function makeParser(kind: Kind, ipv6: boolean, defaultFile: string) {
  const addressLength = ipv6 ? 32 : 8;
  const decode = ipv6 ? ipv6FromHostWordsHex : ipv4FromHostHex;
  const trailing = TRAILING[kind];
  return function parse(text: string, file = defaultFile): SocketRecord[] {
    const src: Lines = new Lines(file, text);
    const records: SocketRecord[] = [];
    if (src.length === 0) return records;
    const cache = new Map<string, string>();
    const ip = (hex: string, i: number, what: string): string => {
      let text = cache.get(hex);
      if (text === undefined) {
        text = decode(hex);
        if (text === undefined) src.fail(i, `${what} is not a ${addressLength}-digit hex address (${JSON.stringify(hex)})`);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(hex, text);
      }
      return text;
    };
    const t: string[] = [];
    const header = src.lines[0];
    if (tokenize(header, t) === 0 || t[0] !== 'sl') src.fail(0, 'expected the header line "sl local_address …"');
    for (let i = 1; i < src.length; i++) {
      const line = src.lines[i];
      const n = tokenize(line, t);
      if (n === 0) continue;
      if (n < 10 + 2) src.fail(i, `expected at least 12 columns, found ${n}`);
      const slToken = t[0];
      if (slToken.charCodeAt(slToken.length - 1) !== 58) src.fail(i, 'expected "sl:" first');
      const sl = decimal(slToken.slice(0, -1));
      if (Number.isNaN(sl)) src.fail(i, `sl is not an integer (${JSON.stringify(slToken)})`);

      const local = t[1];
      const remote = t[2];
      if (local.length !== addressLength + 5 || local.charCodeAt(addressLength) !== 58) {
        src.fail(i, `local_address is not ADDR:PORT (${JSON.stringify(local)})`);
      }
      if (remote.length !== addressLength + 5 || remote.charCodeAt(addressLength) !== 58) {
        src.fail(i, `rem_address is not ADDR:PORT (${JSON.stringify(remote)})`);
      }
      const localIp = ip(local.slice(0, addressLength), i, 'local_address');
      const remIp = ip(remote.slice(0, addressLength), i, 'rem_address');
      const localPort = hexNumber(local, addressLength + 1, local.length);
      const remPort = hexNumber(remote, addressLength + 1, remote.length);
      if (localPort < 0) src.fail(i, `local port is not hexadecimal (${JSON.stringify(local)})`);
      if (remPort < 0) src.fail(i, `remote port is not hexadecimal (${JSON.stringify(remote)})`);

      const st = t[3];
      const code = hexNumber(st, 0, st.length);
      if (code < 0) src.fail(i, `st is not hexadecimal (${JSON.stringify(st)})`);

      const queues = t[4];
      const qColon = queues.indexOf(':');
      const txQueue = qColon > 0 ? hexNumber(queues, 0, qColon) : -1;
      const rxQueue = qColon > 0 ? hexNumber(queues, qColon + 1, queues.length) : -1;
      if (txQueue < 0 || rxQueue < 0) src.fail(i, `tx_queue:rx_queue is not hex:hex (${JSON.stringify(queues)})`);

      const timers = t[5];
      const tColon = timers.indexOf(':');
      const tr = tColon > 0 ? hexNumber(timers, 0, tColon) : -1;
      const when = tColon > 0 ? hexNumber(timers, tColon + 1, timers.length) : -1;
      if (tr < 0 || when < 0) src.fail(i, `tr:tm->when is not hex:hex (${JSON.stringify(timers)})`);

      const retrnsmt = hexNumber(t[6], 0, t[6].length);
      if (retrnsmt < 0) src.fail(i, `retrnsmt is not hexadecimal (${JSON.stringify(t[6])})`);
      const uid = decimal(t[7]);
      if (Number.isNaN(uid)) src.fail(i, `uid is not an integer (${JSON.stringify(t[7])})`);
      const timeout = decimal(t[8]);
      if (Number.isNaN(timeout)) src.fail(i, `timeout is not an integer (${JSON.stringify(t[8])})`);
      const inode = decimal(t[9]);
      if (Number.isNaN(inode)) src.fail(i, `inode is not an integer (${JSON.stringify(t[9])})`);

      const record: SocketRecord = {
        sl,
        local_address: local,
        rem_address: remote,
        local_ip: localIp,
        local_port: localPort,
        rem_ip: remIp,
        rem_port: remPort,
        st,
        state: STATES[code],
        tx_queue: txQueue,
        rx_queue: rxQueue,
        tr,
        timer: TIMERS[tr],
        tm_when: when,
        retrnsmt,
        uid,
        timeout,
        inode,
      };
      if (record.state === undefined) delete record.state;
      if (record.timer === undefined) delete record.timer;
      const r = record as unknown as Record<string, unknown>;
      const known = Math.min(n - 10, trailing.length);
      for (let k = 0; k < known; k++) {
        const name = trailing[k];
        const token = t[10 + k];
        if (name === 'pointer') {
          r[name] = token;
        } else {
          const value = decimal(token);
          if (Number.isNaN(value)) src.fail(i, `${name} is not an integer (${JSON.stringify(token)})`);
          r[name] = value;
        }
      }
      if (n > 10 + trailing.length) record.extra = t.slice(10 + trailing.length, n);
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
