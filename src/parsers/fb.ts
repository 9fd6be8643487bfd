/**
 * /proc/fb — registered frame buffer devices.
 * Kernel: drivers/video/fbdev/core/fb_procfs.c (older: fbmem.c), fb_seq_show() ("%d %s\n", fb index, fix.id).
 * Sample: "8 EFI VGA"
 *
 * `index` is N of /dev/fbN (the device's minor number); `id` is the driver's
 * identification text, which may contain spaces.
 */
import { defineHandler } from '../handler';
import { Lines, splitHead } from './helpers';

export interface FbRecord {
  index: number;
  id: string;
}

export function parseFb(text: string, file = 'fb'): FbRecord[] {
  const src = new Lines(file, text);
  const records: FbRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const { head, rest } = splitHead(line, 1);
    records.push({ index: src.int(head[0], i, 'index'), id: src.str(rest, i, 'id') });
  }
  return records;
}

export const fb = defineHandler<FbRecord>({
  name: 'fb',
  summary: 'frame buffer devices and their driver ids',
  parse: parseFb,
});
