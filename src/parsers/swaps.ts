/**
 * /proc/swaps — swap areas in use.
 * Kernel: mm/swapfile.c, swap_show() (header "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority").
 * Sample: "/dev/sda3                               partition\t16777212\t208\t-1"
 *
 * Columns keyed by the header's names. Size and Used are in KiB, as printed.
 * The kernel escapes spaces, tabs, newlines and backslashes in Filename as
 * octal (\040); the name is kept as written.
 */
import { defineHandler } from '../handler';
import { fields, headerTable, Lines } from './helpers';

export interface SwapsRecord {
  Filename: string;
  Type: string;
  /** KiB. */
  Size: number;
  /** KiB. */
  Used: number;
  Priority: number;
}

export function parseSwaps(text: string, file = 'swaps'): SwapsRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (fields(src.lines[0])[0] !== 'Filename') src.fail(0, 'expected the header "Filename Type Size Used Priority"');
  return headerTable(src, { numeric: ['Size', 'Used', 'Priority'] }) as unknown as SwapsRecord[];
}

export const swaps = defineHandler<SwapsRecord>({
  name: 'swaps',
  summary: 'swap areas with size, use (KiB) and priority',
  parse: parseSwaps,
});
