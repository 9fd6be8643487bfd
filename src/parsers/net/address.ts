/**
 * Address decoding shared by the /proc/net parsers.
 *
 * The kernel prints addresses in three ways:
 * - IPv4 in socket tables, route, igmp: the 32-bit `__be32` value printed with
 *   `%08X` as a host integer, so on a little-endian host the bytes come out
 *   reversed: `0100007F` is 127.0.0.1.
 * - IPv6 in socket tables: the four 32-bit words of `s6_addr32`, each printed
 *   with `%08X` in host byte order (little-endian here): `…0000000001000000` is ::1.
 * - IPv6 via `%pi6` (ipv6_route, if_inet6, igmp6, anycast6, …): the 16 bytes in
 *   network order as 32 hex digits.
 *
 * IPv6 text follows RFC 5952: lower case, no leading zeros, the longest run
 * (first on a tie) of two or more zero groups shortened to `::`, and
 * IPv4-mapped addresses as `::ffff:a.b.c.d`. This module assumes a
 * little-endian host, as every machine the fixtures come from is.
 */
import type { Lines } from '../helpers';

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** Parses `hex.length / 2` bytes of `hex`; undefined when it is not all hex digits. */
function bytesOf(hex: string): number[] | undefined {
  if (hex.length % 2 !== 0) return undefined;
  const out = new Array<number>(hex.length / 2);
  for (let i = 0; i < hex.length; i += 2) {
    const hi = hexValue(hex.charCodeAt(i));
    const lo = hexValue(hex.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) return undefined;
    out[i / 2] = (hi << 4) | lo;
  }
  return out;
}

/** Dotted quad from 4 bytes in network order. */
function dotted(b: readonly number[], at = 0): string {
  return `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
}

/**
 * IPv4 printed as a host-order 32-bit word (`%08X` of a `__be32` on a
 * little-endian host): `0100007F` → `127.0.0.1`. Undefined when malformed.
 */
export function ipv4FromHostHex(hex: string): string | undefined {
  if (hex.length !== 8) return undefined;
  const word = ipv4HostWordAt(hex, 0);
  return word < 0 ? undefined : ipv4FromHostWord(word);
}

/**
 * The 32-bit word of the 8 hex digits at text[start, start + 8), or -1 when
 * they are not 8 hex digits: lets the socket tables cache addresses by number
 * without cutting them out of the text.
 */
export function ipv4HostWordAt(text: string, start: number): number {
  if (start + 8 > text.length) return -1;
  let word = 0;
  for (let i = start; i < start + 8; i++) {
    const digit = hexValue(text.charCodeAt(i));
    if (digit < 0) return -1;
    word = word * 16 + digit;
  }
  return word;
}

/** IPv4 text of a word printed by `%08X` of a `__be32` on a little-endian host: 0x0100007F → `127.0.0.1`. */
export function ipv4FromHostWord(word: number): string {
  return `${word & 255}.${(word >>> 8) & 255}.${(word >>> 16) & 255}.${word >>> 24}`;
}

/** A host-order IPv4 hex word of line `index` as dotted text (ParseError when it is not 8 hex digits). */
export function ipv4Field(src: Lines, token: string | undefined, index: number, what: string): string {
  const text = token === undefined ? undefined : ipv4FromHostHex(token);
  return text ?? src.fail(index, `${what} is not an 8-digit hex address (${JSON.stringify(token)})`);
}

/** IPv4 printed in network order (`%08x` of `ntohl(addr)`): `e0000001` → `224.0.0.1`. */
export function ipv4FromNetworkHex(hex: string): string | undefined {
  const digits = hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex;
  if (digits.length !== 8) return undefined;
  const b = bytesOf(digits);
  return b === undefined ? undefined : dotted(b);
}

/** RFC 5952 text of 16 bytes in network order. */
export function formatIPv6(b: readonly number[]): string {
  // IPv4-mapped ::ffff:a.b.c.d
  let mapped = true;
  for (let i = 0; i < 10; i++) if (b[i] !== 0) mapped = false;
  if (mapped && b[10] === 0xff && b[11] === 0xff) return `::ffff:${dotted(b, 12)}`;
  const groups: number[] = new Array<number>(8);
  for (let g = 0; g < 8; g++) groups[g] = (b[2 * g] << 8) | b[2 * g + 1];
  let bestStart = -1;
  let bestLength = 1;
  for (let g = 0; g < 8;) {
    if (groups[g] !== 0) {
      g++;
      continue;
    }
    let end = g;
    while (end < 8 && groups[end] === 0) end++;
    if (end - g > bestLength) {
      bestStart = g;
      bestLength = end - g;
    }
    g = end;
  }
  if (bestStart < 0) return groups.map((x) => x.toString(16)).join(':');
  const head = groups
    .slice(0, bestStart)
    .map((x) => x.toString(16))
    .join(':');
  const tail = groups
    .slice(bestStart + bestLength)
    .map((x) => x.toString(16))
    .join(':');
  return `${head}::${tail}`;
}

/** IPv6 printed with `%pi6` (32 hex digits, network order): `fe80…0001` → `fe80::1`. */
export function ipv6FromNetworkHex(hex: string): string | undefined {
  if (hex.length !== 32) return undefined;
  const b = bytesOf(hex);
  return b === undefined ? undefined : formatIPv6(b);
}

/**
 * IPv6 printed as four host-order 32-bit words (`%08X%08X%08X%08X` of
 * `s6_addr32[]`, socket tables): each word's bytes are reversed on a
 * little-endian host. `00000000000000000000000001000000` → `::1`.
 */
export function ipv6FromHostWordsHex(hex: string): string | undefined {
  if (hex.length !== 32) return undefined;
  const w = bytesOf(hex);
  if (w === undefined) return undefined;
  const b: number[] = new Array<number>(16);
  for (let i = 0; i < 16; i += 4) {
    b[i] = w[i + 3];
    b[i + 1] = w[i + 2];
    b[i + 2] = w[i + 1];
    b[i + 3] = w[i];
  }
  return formatIPv6(b);
}

/** Prefix length of a dotted IPv4 netmask when it is contiguous, else undefined. */
export function ipv4MaskLength(mask: string): number | undefined {
  const parts = mask.split('.').map(Number);
  const n = ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
  let length = 0;
  while (length < 32 && (n & (0x80000000 >>> length)) !== 0) length++;
  const expected = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return n === expected ? length : undefined;
}
