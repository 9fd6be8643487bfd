/**
 * /proc/ioports — the I/O port map.
 * Kernel: kernel/resource.c, r_show() (the same function and format as iomem, 4-digit addresses).
 * Sample: "  0060-0060 : keyboard"
 *
 * The nesting is kept in `children`, as for iomem (the tree parser lives in ./iomem).
 */
import { defineHandler } from '../handler';
import { Lines } from './helpers';
import { parseResourceTree, type ResourceRecord } from './iomem';

export type IoportsRecord = ResourceRecord;

export function parseIoports(text: string, file = 'ioports'): IoportsRecord[] {
  return parseResourceTree(new Lines(file, text));
}

export const ioports = defineHandler<IoportsRecord>({
  name: 'ioports',
  summary: 'I/O port map, nested by indentation',
  parse: parseIoports,
});
