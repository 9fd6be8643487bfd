/**
 * Format: expected connections, shared by /proc/net/nf_conntrack_expect and /proc/net/ip_conntrack_expect — expected
 * connections (related flows announced by helpers such as ftp or sip).
 * Kernel: net/netfilter/nf_conntrack_expect.c, exp_seq_show(): `"%ld "` (seconds
 * left; `"- "` without a timer in older kernels), `"l3proto = %u proto=%u "`,
 * the tuple (`src= dst= sport= dport=`), the flags `PERMANENT`, `INACTIVE`,
 * `USERSPACE` joined by commas, then the helper name and `/policy` when known.
 * ip_conntrack_expect (Linux ≤ 3.x, nf_conntrack_l3proto_ipv4_compat.c,
 * exp_seq_show()) prints `"proto=%u "` and the tuple only.
 * Sample: "297 l3proto = 2 proto=6 src=192.168.1.14 dst=192.168.1.1 sport=0 dport=40013 ftp"
 *
 * Empty on the captured machines: fixtures/synthetic/proc/net/nf_conntrack_expect
 * and ip_conntrack_expect are written by hand following those seq_printf calls.
 * `timeout` is absent when printed as `-`; tuple values that are decimal
 * become numbers.
 */
import { fields, integerOf, Lines } from '../helpers';

export interface ConntrackExpectRecord {
  timeout?: number;
  l3proto?: number;
  proto: number;
  tuple: Record<string, string | number>;
  flags: string[];
  helper?: string;
  policy?: string;
}

const FLAGS = new Set(['PERMANENT', 'INACTIVE', 'USERSPACE']);

function parseExpectLines(text: string, file: string): ConntrackExpectRecord[] {
  const src = new Lines(file, text);
  const records: ConntrackExpectRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    let p = 0;
    const first = src.str(f[p++], i, 'timeout');
    const record = {} as ConntrackExpectRecord;
    if (first !== '-') record.timeout = src.int(first, i, 'timeout');
    if (f[p] === 'l3proto') {
      if (f[p + 1] !== '=') src.fail(i, 'expected "l3proto = N"');
      record.l3proto = src.int(f[p + 2], i, 'l3proto');
      p += 3;
    }
    const proto = f[p];
    if (proto === undefined || !proto.startsWith('proto=')) src.fail(i, 'expected proto=N');
    record.proto = src.int(proto.slice(6), i, 'proto');
    p++;
    const tuple: Record<string, string | number> = {};
    for (; p < f.length && f[p].includes('='); p++) {
      const eq = f[p].indexOf('=');
      const raw = f[p].slice(eq + 1);
      tuple[f[p].slice(0, eq)] = integerOf(raw) ?? raw;
    }
    if (tuple.src === undefined) src.fail(i, 'expected the expected tuple (src=…)');
    record.tuple = tuple;
    record.flags = [];
    if (p < f.length && f[p].split(',').every((flag) => FLAGS.has(flag))) record.flags = f[p++].split(',');
    if (p < f.length) {
      const slash = f[p].indexOf('/');
      if (slash < 0) record.helper = f[p];
      else {
        record.helper = f[p].slice(0, slash);
        record.policy = f[p].slice(slash + 1);
      }
      p++;
    }
    if (p < f.length) src.fail(i, `unexpected ${JSON.stringify(f[p])} after the helper`);
    records.push(record);
  }
  return records;
}

export function parseNfConntrackExpect(text: string, file = 'net/nf_conntrack_expect'): ConntrackExpectRecord[] {
  return parseExpectLines(text, file);
}

export function parseIpConntrackExpect(text: string, file = 'net/ip_conntrack_expect'): ConntrackExpectRecord[] {
  return parseExpectLines(text, file);
}
