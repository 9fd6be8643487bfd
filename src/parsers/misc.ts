/**
 * /proc/misc — registered misc character devices (major 10).
 * Kernel: drivers/char/misc.c, misc_seq_show() ("%3i %s\n", minor, name).
 * Sample: "237 loop-control"
 */
import { defineHandler } from '../handler';
import { Lines, splitHead } from './helpers';

export interface MiscRecord {
  minor: number;
  name: string;
}

export function parseMisc(text: string, file = 'misc'): MiscRecord[] {
  const src = new Lines(file, text);
  const records: MiscRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const { head, rest } = splitHead(line, 1);
    records.push({ minor: src.int(head[0], i, 'minor'), name: src.str(rest, i, 'name') });
  }
  return records;
}

export const misc = defineHandler<MiscRecord>({
  name: 'misc',
  summary: 'misc character devices (major 10) by minor number',
  parse: parseMisc,
});
