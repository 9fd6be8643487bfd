/**
 * Format: the connection tracking table, shared by /proc/net/nf_conntrack and /proc/net/ip_conntrack.
 * Kernel: net/netfilter/nf_conntrack_standalone.c, ct_seq_show():
 * `"%-8s %u %-8s %u "` (layer-3 name and number, layer-4 name and number),
 * `"%ld "` (seconds to expiry, absent for offloaded flows), the layer-4 state
 * (tcp, sctp, dccp: `ESTABLISHED`…; gre: `timeout=%u, stream_timeout=%u`), the original tuple (`src= dst= sport= dport=`,
 * icmp `type= code= id=`, gre `srckey= dstkey=`), `zone-orig=`, `packets= bytes=`
 * (accounting), `[UNREPLIED]`, the reply tuple with its own `zone-reply=`,
 * `packets= bytes=`, then `[ASSURED]`/`[OFFLOAD]`/`[HW_OFFLOAD]`, `mark=`,
 * `secctx=`, `zone=`, `delta-time=`, `use=`. ip_conntrack (Linux ≤ 3.x,
 * nf_conntrack_l3proto_ipv4_compat.c, ct_seq_show()) prints the same without
 * the two layer-3 columns.
 * Sample: "ipv4     2 tcp      6 431993 ESTABLISHED src=192.168.1.14 dst=64.26.60.229 sport=46219 dport=993 src=64.26.60.229 dst=192.168.1.14 sport=993 dport=46219 [ASSURED] mark=0 zone=0 use=2"
 *
 * One record per connection. `original` and `reply` hold each direction's
 * `key=value` pairs (from its `src=` to the next direction or the trailing
 * fields); bracketed flags are kept, in order, without brackets, in `flags`.
 * Protocol `key=value` details printed before the tuples (gre) go to `l4info`.
 * Trailing `key=value` fields (`mark`, `zone`, `use`, …) are top-level
 * fields under the kernel's names. Values that are decimal numbers become
 * numbers; addresses and anything else stay text.
 */
import { fields, integerOf, Lines } from '../helpers';

export type TupleFields = Record<string, string | number>;

export interface ConntrackRecord {
  /** nf_conntrack only: `ipv4`, `ipv6`. */
  l3proto?: string;
  l3protonum?: number;
  l4proto: string;
  l4protonum: number;
  /** Seconds until the entry expires; absent for offloaded flows. */
  timeout?: number;
  /** Layer-4 state (tcp, sctp, dccp); absent for udp, icmp, … */
  state?: string;
  /** key=value pairs a protocol prints before the tuples (gre: `timeout=180, stream_timeout=180`). */
  l4info?: TupleFields;
  original: TupleFields;
  reply: TupleFields;
  flags: string[];
  mark?: number;
  secctx?: string;
  zone?: number;
  'delta-time'?: number;
  use?: number;
  [extra: string]: unknown;
}

/** Fields printed after both tuples (the connection's own, not a direction's). */
const TRAILING = new Set(['mark', 'secctx', 'zone', 'delta-time', 'use', 'labels']);

function value(token: string): string | number {
  return integerOf(token) ?? token;
}

function parseConntrackLines(text: string, file: string, withL3: boolean): ConntrackRecord[] {
  const src = new Lines(file, text);
  const records: ConntrackRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    let p = 0;
    const record = {} as ConntrackRecord;
    if (withL3) {
      record.l3proto = src.str(f[p++], i, 'l3proto');
      record.l3protonum = src.int(f[p++], i, 'l3protonum');
    }
    record.l4proto = src.str(f[p++], i, 'l4proto');
    record.l4protonum = src.int(f[p++], i, 'l4protonum');
    const timeout = p < f.length ? integerOf(f[p]) : undefined;
    if (timeout !== undefined) {
      record.timeout = timeout;
      p++;
    }
    if (p < f.length && !f[p].includes('=') && !f[p].startsWith('[')) record.state = f[p++];
    const original: TupleFields = {};
    const reply: TupleFields = {};
    const flags: string[] = [];
    record.original = original;
    record.reply = reply;
    record.flags = flags;
    // 0: original tuple, 1: reply tuple, 2: trailing fields.
    let part = -1;
    for (; p < f.length; p++) {
      const token = f[p];
      if (token.startsWith('[')) {
        if (!token.endsWith(']') || token.length < 3) src.fail(i, `malformed flag ${JSON.stringify(token)}`);
        flags.push(token.slice(1, -1));
        if (part === 1) part = 2;
        continue;
      }
      const eq = token.indexOf('=');
      if (eq <= 0) src.fail(i, `expected key=value, found ${JSON.stringify(token)}`);
      const key = token.slice(0, eq);
      const raw = token.slice(eq + 1);
      if (key === '__proto__') src.fail(i, 'unexpected key __proto__');
      if (key === 'src' && part < 1) part++;
      else if (part === -1) {
        // Protocol details before the tuples (gre prints "timeout=%u, stream_timeout=%u ").
        const info = (record.l4info ??= {});
        info[key] = value(raw.endsWith(',') ? raw.slice(0, -1) : raw);
        continue;
      }
      if (part === 1 && TRAILING.has(key)) part = 2;
      if (part === 0) original[key] = value(raw);
      else if (part === 1) reply[key] = value(raw);
      else {
        if (key === 'src') src.fail(i, 'a third tuple');
        record[key] = key === 'secctx' ? raw : value(raw);
      }
    }
    if (part < 1) src.fail(i, 'expected an original and a reply tuple');
    records.push(record);
  }
  return records;
}

export function parseNfConntrack(text: string, file = 'net/nf_conntrack'): ConntrackRecord[] {
  return parseConntrackLines(text, file, true);
}

export function parseIpConntrack(text: string, file = 'net/ip_conntrack'): ConntrackRecord[] {
  return parseConntrackLines(text, file, false);
}
