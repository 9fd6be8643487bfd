/**
 * /proc/devices — registered character and block device majors.
 * Kernel: fs/proc/devices.c, devinfo_show() ("Character devices:\n", "%3d %s\n", "\nBlock devices:\n").
 * Sample: "  4 /dev/vc/0" under "Character devices:"
 *
 * One record per device line; `type` is the section it sits in, the first
 * word of the section header lower-cased ("character", "block").
 */
import { defineHandler } from '../handler';
import { Lines, splitHead } from './helpers';

export interface DevicesRecord {
  type: string;
  major: number;
  name: string;
}

const SECTION_SUFFIX = ' devices:';

export function parseDevices(text: string, file = 'devices'): DevicesRecord[] {
  const src = new Lines(file, text);
  const records: DevicesRecord[] = [];
  let type: string | undefined;
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (trimmed.endsWith(SECTION_SUFFIX)) {
      type = trimmed.slice(0, -SECTION_SUFFIX.length).toLowerCase();
      continue;
    }
    if (type === undefined) return src.fail(i, 'device line before a "… devices:" section header');
    const { head, rest } = splitHead(line, 1);
    records.push({ type, major: src.int(head[0], i, 'major'), name: src.str(rest, i, 'name') });
  }
  return records;
}

export const devices = defineHandler<DevicesRecord>({
  name: 'devices',
  summary: 'character and block device majors and their driver names',
  parse: parseDevices,
});
