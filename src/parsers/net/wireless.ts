/**
 * /proc/net/wireless — wireless extension statistics per wireless interface.
 * Kernel: net/wireless/wext-proc.c, wireless_dev_seq_show() (two header lines,
 * the second ending with the wireless extensions version) and
 * wireless_seq_printf_stats():
 * `"%6s: %04x  %3d%c  %3d%c  %3d%c  %6d %6d %6d %6d %6d   %6d\n"` — name,
 * status, link quality, level, noise (each followed by '.' when updated since
 * the last read, else a space), discarded nwid, crypt, frag, retry, misc, and
 * missed beacons.
 * Sample: " wlan0: 0000   70.  -40.  -256        0      0      0      0     12        0"
 *
 * No wireless interface on the captured machines: fixtures/synthetic/proc/net/wireless
 * is written by hand following those seq_printf calls. Field names are the
 * header's (`link`, `level`, `noise`, `nwid`, `crypt`, `frag`, `retry`, `misc`,
 * `beacon`); values are numbers (the trailing '.' is dropped and reported in
 * `link_updated`, `level_updated`, `noise_updated`); `status` stays hex text.
 */
import { defineHandler } from '../../handler';
import { fields, integerOf, isHex, Lines } from '../helpers';

export interface WirelessRecord {
  interface: string;
  status: string;
  link: number;
  link_updated: boolean;
  level: number;
  level_updated: boolean;
  noise: number;
  noise_updated: boolean;
  nwid: number;
  crypt: number;
  frag: number;
  retry: number;
  misc: number;
  beacon: number;
  /** Wireless extensions version from the second header line. */
  we?: number;
}

function quality(src: Lines, token: string | undefined, i: number, what: string): [number, boolean] {
  if (token === undefined) src.fail(i, `missing ${what}`);
  const updated = token.endsWith('.');
  const digits = updated ? token.slice(0, -1) : token;
  return [integerOf(digits) ?? src.fail(i, `${what} is not an integer (${JSON.stringify(token)})`), updated];
}

export function parseWireless(text: string, file = 'net/wireless'): WirelessRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (!src.lines[0].startsWith('Inter-|')) src.fail(0, 'expected the first header line "Inter-| sta-| …"');
  if (src.length < 2 || !src.lines[1].trimStart().startsWith('face |')) src.fail(1, 'expected the second header line " face | tus | …"');
  const second = fields(src.lines[1]);
  const last = second[second.length - 1];
  const we = integerOf(last);
  const records: WirelessRecord[] = [];
  for (let i = 2; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) src.fail(i, 'expected "iface: values"');
    const f = fields(line.slice(colon + 1));
    if (f.length !== 10) src.fail(i, `expected 10 values after the interface, found ${f.length}`);
    if (!isHex(f[0])) src.fail(i, `status is not hexadecimal (${JSON.stringify(f[0])})`);
    const [link, link_updated] = quality(src, f[1], i, 'link');
    const [level, level_updated] = quality(src, f[2], i, 'level');
    const [noise, noise_updated] = quality(src, f[3], i, 'noise');
    const record: WirelessRecord = {
      interface: line.slice(0, colon).trim(),
      status: f[0],
      link,
      link_updated,
      level,
      level_updated,
      noise,
      noise_updated,
      nwid: src.int(f[4], i, 'nwid'),
      crypt: src.int(f[5], i, 'crypt'),
      frag: src.int(f[6], i, 'frag'),
      retry: src.int(f[7], i, 'retry'),
      misc: src.int(f[8], i, 'misc'),
      beacon: src.int(f[9], i, 'beacon'),
    };
    if (we !== undefined) record.we = we;
    records.push(record);
  }
  return records;
}

export const wireless = defineHandler<WirelessRecord>({
  name: 'net/wireless',
  summary: 'wireless interface link quality, level, noise and discarded packets',
  parse: parseWireless,
});
