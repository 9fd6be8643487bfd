/**
 * /proc/net/dev — per-interface receive and transmit counters.
 * Kernel: net/core/net-procfs.c, dev_seq_show() / dev_seq_printf_stats().
 * Sample: "  eth0: 4955662683 5942493    0    0    0     0          0    916815 747662119 4313005    0    0    0     0       0          0"
 *
 * One record per interface: its name (without the colon) and the `receive` and
 * `transmit` counters keyed by the second header line's names (receive: bytes
 * packets errs drop fifo frame compressed multicast; transmit: bytes packets
 * errs drop fifo colls carrier compressed).
 */
import { defineHandler } from '../../handler';
import { fields, Lines, requireContent } from '../helpers';

export interface DevCounters {
  bytes: number;
  packets: number;
  errs: number;
  drop: number;
  fifo: number;
  compressed: number;
  [name: string]: number;
}

export interface DevRecord {
  interface: string;
  /** bytes packets errs drop fifo frame compressed multicast */
  receive: DevCounters;
  /** bytes packets errs drop fifo colls carrier compressed */
  transmit: DevCounters;
}

export function parseDev(text: string, file = 'net/dev'): DevRecord[] {
  const src: Lines = new Lines(file, text);
  const records: DevRecord[] = [];
  requireContent(src, 'two header lines');
  if (src.length < 2 || !src.lines[0].includes('Receive') || src.lines[1].split('|').length !== 3) {
    src.fail(src.length < 2 ? 0 : 1, 'expected the two header lines "Inter-| Receive | Transmit" and " face |bytes …|bytes …"');
  }
  const [, rxHeader, txHeader] = src.lines[1].split('|');
  const rxNames = fields(rxHeader);
  const txNames = fields(txHeader);
  const total = rxNames.length + txNames.length;
  for (let i = 2; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) src.fail(i, 'expected "NAME: counters"');
    const name = line.slice(0, colon).trim();
    if (name === '') src.fail(i, 'missing interface name');
    const f = fields(line.slice(colon + 1));
    if (f.length !== total) src.fail(i, `expected ${total} counters, found ${f.length}`);
    const receive: Record<string, number> = {};
    const transmit: Record<string, number> = {};
    for (let c = 0; c < rxNames.length; c++) receive[rxNames[c]] = src.int(f[c], i, `receive ${rxNames[c]}`);
    for (let c = 0; c < txNames.length; c++) {
      transmit[txNames[c]] = src.int(f[rxNames.length + c], i, `transmit ${txNames[c]}`);
    }
    records.push({ interface: name, receive: receive as DevCounters, transmit: transmit as DevCounters });
  }
  return records;
}

export const dev = defineHandler<DevRecord>({
  name: 'net/dev',
  summary: 'Network interface receive/transmit counters',
  parse: parseDev,
});
