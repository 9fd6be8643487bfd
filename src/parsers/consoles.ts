/**
 * /proc/consoles — registered system consoles.
 * Kernel: fs/proc/consoles.c, show_console_dev():
 * "%s%d" (name, index) padded to 21 columns, "%c%c%c (%s)" (operations R/W/U, flags), then " %4d:%d" when it has a tty device.
 * Sample: "ttyS0                -W- (EC  p a)    4:64"
 *
 * `operations` and `flags` are kept as written, position by position (a space
 * or `-` is a flag that is not set): operations R read, W write, U unblank;
 * flags E enabled, C preferred console, B boot, p printk buffer, b braille, a any-time.
 */
import { defineHandler } from '../handler';
import { Lines } from './helpers';

export interface ConsolesRecord {
  /** Driver name and index: "ttyS0". */
  device: string;
  operations: string;
  flags: string;
  major?: number;
  minor?: number;
}

export function parseConsoles(text: string, file = 'consoles'): ConsolesRecord[] {
  const src = new Lines(file, text);
  const records: ConsolesRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const open = line.indexOf(' (');
    const close = line.indexOf(')', open + 2);
    if (open < 0 || close < 0) src.fail(i, 'expected "NAME OPS (FLAGS)"');
    const head = line.slice(0, open).trim();
    const gap = head.lastIndexOf(' ');
    if (gap < 0) src.fail(i, 'expected the device name and the operations');
    const device = head.slice(0, gap).trim();
    const operations = head.slice(gap + 1);
    if (operations.length !== 3 || device === '' || device.includes(' ')) src.fail(i, 'expected "NAME OPS" with three operation letters');
    const record: ConsolesRecord = { device, operations, flags: line.slice(open + 2, close) };
    const tail = line.slice(close + 1).trim();
    if (tail !== '') {
      const colon = tail.indexOf(':');
      if (colon < 0) src.fail(i, `expected "major:minor" (${JSON.stringify(tail)})`);
      record.major = src.int(tail.slice(0, colon), i, 'major');
      record.minor = src.int(tail.slice(colon + 1), i, 'minor');
    }
    records.push(record);
  }
  return records;
}

export const consoles = defineHandler<ConsolesRecord>({
  name: 'consoles',
  summary: 'registered consoles with their operations, flags and tty device',
  parse: parseConsoles,
});
