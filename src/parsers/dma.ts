/**
 * /proc/dma — ISA DMA channels in use.
 * Kernel: kernel/dma.c, proc_dma_show() ("%2d: %s\n", channel, device_id).
 * Sample: " 4: cascade"
 */
import { defineHandler } from '../handler';
import { Lines } from './helpers';

export interface DmaRecord {
  channel: number;
  device_id: string;
}

export function parseDma(text: string, file = 'dma'): DmaRecord[] {
  const src = new Lines(file, text);
  const records: DmaRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) src.fail(i, 'expected "CHANNEL: NAME"');
    records.push({
      channel: src.int(line.slice(0, colon).trim(), i, 'channel'),
      device_id: src.str(line.slice(colon + 1).trim(), i, 'device_id'),
    });
  }
  return records;
}

export const dma = defineHandler<DmaRecord>({
  name: 'dma',
  summary: 'ISA DMA channels in use',
  parse: parseDma,
});
