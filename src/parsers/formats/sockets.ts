/**
 * Format: the socket tables, shared by /proc/net/tcp, tcp6, udp, udp6, udplite,
 * udplite6, raw, raw6, icmp and icmp6. This module builds the rows; the
 * tokenizer is formats/socket-tokenizer.ts.
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
 * Hot path: /proc/net/tcp can have 100,000+ rows, so rows are tokenised by
 * offsets, only the converted tokens are cut into strings, and decoded
 * addresses are cached (npm run bench measures it: bench/parse.ts). Every
 * number is read by the rules of helpers.ts (integerOf, hexOf).
 */
import { defineHandler, type Handler } from '../../handler';
import { hexIn, integerIn, Lines } from '../helpers';
import { ipv4FromHostWord, ipv4HostWordAt, ipv6FromHostWordsHex } from '../net/address';
import { MAX_TOKENS, SocketTableTokenizer } from './socket-tokenizer';

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

/** `tcp` rows end with rto … ssthresh, datagram rows (udp, raw, icmp) with drops. */
export type SocketKind = 'tcp' | 'dgram';

const TRAILING: Record<SocketKind, readonly string[]> = {
  tcp: ['ref', 'pointer', 'rto', 'ato', 'quick_pingpong', 'cwnd', 'ssthresh'],
  dgram: ['ref', 'pointer', 'drops'],
};

const CACHE_LIMIT = 65536;

/** Canonical two-digit state codes, so that rows do not each allocate their own `st` string. */
const ST_TEXT: readonly string[] = Array.from({ length: 256 }, (_, n) => n.toString(16).toUpperCase().padStart(2, '0'));

/** Turns the tokens of one table into records; `fail` reports against the tokenizer's current line. */
class SocketRowBuilder {
  private readonly v4 = new Map<number, string>();
  private readonly v6 = new Map<string, string>();
  private readonly addressLength: number;
  private readonly isTcp: boolean;
  private readonly known: number;

  constructor(
    private readonly tokens: SocketTableTokenizer,
    kind: SocketKind,
    private readonly ipv6: boolean,
    private readonly fail: (reason: string) => never,
  ) {
    this.addressLength = ipv6 ? 32 : 8;
    this.isTcp = kind === 'tcp';
    this.known = 10 + TRAILING[kind].length;
  }

  row(): SocketRecord {
    const { tokens, fail } = this;
    const { text, starts, ends } = tokens;
    const n = tokens.count;
    if (n < 12) fail(`expected at least 12 columns, found ${n}`);
    if (text.charCodeAt(ends[0] - 1) !== 58) fail('expected "sl:" first');
    const sl = integerIn(text, starts[0], ends[0] - 1) ?? fail(`sl is not an integer (${JSON.stringify(tokens.token(0))})`);

    const localIp = this.address(1, 'local_address');
    const remIp = this.address(2, 'rem_address');
    const localPort = this.port(1, 'local port');
    const remPort = this.port(2, 'remote port');

    const code = this.hex(3, 'st');
    // A two-digit upper-case code is the canonical text: shared rather than cut out per row.
    const canonical = ends[3] - starts[3] === 2 && text.charCodeAt(starts[3]) < 97 && text.charCodeAt(starts[3] + 1) < 97;
    const st = canonical ? ST_TEXT[code] : tokens.token(3);

    const q = this.colonOf(4, 'tx_queue:rx_queue');
    const txQueue = hexIn(text, starts[4], q);
    const rxQueue = hexIn(text, q + 1, ends[4]);
    if (txQueue === undefined || rxQueue === undefined) fail(`tx_queue:rx_queue is not hex:hex (${JSON.stringify(tokens.token(4))})`);

    const w = this.colonOf(5, 'tr:tm->when');
    const tr = hexIn(text, starts[5], w);
    let when = hexIn(text, w + 1, ends[5]);
    if (tr === undefined || when === undefined) fail(`tr:tm->when is not hex:hex (${JSON.stringify(tokens.token(5))})`);
    // Older kernels print an expired timer's negative delta with %08lX: 16 digits, two's complement.
    if (ends[5] - w - 1 === 16 && when! >= 2 ** 63) when = Number(BigInt.asIntN(64, BigInt(`0x${text.slice(w + 1, ends[5])}`)));

    const retrnsmt = this.hex(6, 'retrnsmt');
    const uid = this.int(7, 'uid');
    const timeout = this.int(8, 'timeout');
    const inode = this.int(9, 'inode');
    const ref = this.int(10, 'ref');
    const localAddress = tokens.token(1);
    const remAddress = tokens.token(2);
    const pointer = tokens.token(11);
    const state = STATES[code];
    const timer = TIMERS[tr!];
    const tx_queue = txQueue!;
    const rx_queue = rxQueue!;
    const tm_when = when!;
    // One object literal per row shape keeps V8's objects small and fast.
    let record: SocketRecord;
    if (this.isTcp && n >= 17) {
      record = {
        sl,
        local_address: localAddress,
        rem_address: remAddress,
        local_ip: localIp,
        local_port: localPort,
        rem_ip: remIp,
        rem_port: remPort,
        st,
        state,
        tx_queue,
        rx_queue,
        tr: tr!,
        timer,
        tm_when,
        retrnsmt,
        uid,
        timeout,
        inode,
        ref,
        pointer,
        rto: this.int(12, 'rto'),
        ato: this.int(13, 'ato'),
        quick_pingpong: this.int(14, 'quick_pingpong'),
        cwnd: this.int(15, 'cwnd'),
        ssthresh: this.int(16, 'ssthresh'),
      };
    } else if (!this.isTcp && n >= 13) {
      record = {
        sl,
        local_address: localAddress,
        rem_address: remAddress,
        local_ip: localIp,
        local_port: localPort,
        rem_ip: remIp,
        rem_port: remPort,
        st,
        state,
        tx_queue,
        rx_queue,
        tr: tr!,
        timer,
        tm_when,
        retrnsmt,
        uid,
        timeout,
        inode,
        ref,
        pointer,
        drops: this.int(12, 'drops'),
      };
    } else {
      record = {
        sl,
        local_address: localAddress,
        rem_address: remAddress,
        local_ip: localIp,
        local_port: localPort,
        rem_ip: remIp,
        rem_port: remPort,
        st,
        state,
        tx_queue,
        rx_queue,
        tr: tr!,
        timer,
        tm_when,
        retrnsmt,
        uid,
        timeout,
        inode,
        ref,
        pointer,
      };
      if (this.isTcp) {
        if (n > 12) record.rto = this.int(12, 'rto');
        if (n > 13) record.ato = this.int(13, 'ato');
        if (n > 14) record.quick_pingpong = this.int(14, 'quick_pingpong');
        if (n > 15) record.cwnd = this.int(15, 'cwnd');
      }
    }
    if (record.state === undefined) delete record.state;
    if (record.timer === undefined) delete record.timer;
    if (n > this.known) {
      if (n > MAX_TOKENS) fail(`expected at most ${MAX_TOKENS} columns, found ${n}`);
      const extra: string[] = [];
      for (let t = this.known; t < n; t++) extra.push(tokens.token(t));
      record.extra = extra;
    }
    return record;
  }

  /** The address of `ADDR:PORT` token t, decoded by net/address.ts and cached. */
  private address(t: number, what: string): string {
    const { text, starts, ends } = this.tokens;
    const at = starts[t];
    const length = this.addressLength;
    if (ends[t] - at !== length + 5 || text.charCodeAt(at + length) !== 58) {
      this.fail(`${what} is not ADDR:PORT (${JSON.stringify(this.tokens.token(t))})`);
    }
    if (this.ipv6) {
      const hex = text.slice(at, at + length);
      let ip = this.v6.get(hex);
      if (ip === undefined) {
        ip = ipv6FromHostWordsHex(hex) ?? this.fail(`${what} is not a 32-digit hex address (${JSON.stringify(hex)})`);
        if (this.v6.size >= CACHE_LIMIT) this.v6.clear();
        this.v6.set(hex, ip);
      }
      return ip;
    }
    const word = ipv4HostWordAt(text, at);
    if (word < 0) this.fail(`${what} is not a 8-digit hex address (${JSON.stringify(text.slice(at, at + 8))})`);
    // `| 0` keeps the key a small integer (a 32-bit word above 2^31 would be a heap number).
    const key = word | 0;
    let ip = this.v4.get(key);
    if (ip === undefined) {
      ip = ipv4FromHostWord(word);
      if (this.v4.size >= CACHE_LIMIT) this.v4.clear();
      this.v4.set(key, ip);
    }
    return ip;
  }

  /** The port of `ADDR:PORT` token t (its shape already checked by address()). */
  private port(t: number, what: string): number {
    const { text, starts, ends } = this.tokens;
    const port = hexIn(text, starts[t] + this.addressLength + 1, ends[t]);
    return port ?? this.fail(`${what} is not hexadecimal (${JSON.stringify(this.tokens.token(t))})`);
  }

  private hex(t: number, what: string): number {
    const { text, starts, ends } = this.tokens;
    return hexIn(text, starts[t], ends[t]) ?? this.fail(`${what} is not hexadecimal (${JSON.stringify(this.tokens.token(t))})`);
  }

  private int(t: number, what: string): number {
    const { text, starts, ends } = this.tokens;
    return integerIn(text, starts[t], ends[t]) ?? this.fail(`${what} is not an integer (${JSON.stringify(this.tokens.token(t))})`);
  }

  /** The colon of `hex:hex` token t; fails when it is not inside the token. */
  private colonOf(t: number, what: string): number {
    const { text, starts, ends } = this.tokens;
    const colon = text.indexOf(':', starts[t]);
    if (colon <= starts[t] || colon >= ends[t] - 1) this.fail(`${what} is not hex:hex (${JSON.stringify(this.tokens.token(t))})`);
    return colon;
  }
}

export function parseSocketTable(text: string, file: string, kind: SocketKind, ipv6: boolean): SocketRecord[] {
  const records: SocketRecord[] = [];
  if (text.length === 0) return records;
  const tokens = new SocketTableTokenizer(text, (ipv6 ? 32 : 8) + 5);
  const fail = (reason: string): never => new Lines(file, text).fail(tokens.line, reason);
  tokens.nextLine();
  if (tokens.count === 0 || tokens.token(0) !== 'sl') fail('expected the header line "sl local_address …"');
  const rows = new SocketRowBuilder(tokens, kind, ipv6, fail);
  while (tokens.nextLine()) if (tokens.count > 0) records.push(rows.row());
  return records;
}

/** The handler of a socket table; `name` is its path under /proc. */
export function socketTableHandler(name: string, summary: string, kind: SocketKind, ipv6: boolean): Handler<SocketRecord> {
  return defineHandler<SocketRecord>({ name, summary, parse: (text, file) => parseSocketTable(text, file ?? name, kind, ipv6) });
}
