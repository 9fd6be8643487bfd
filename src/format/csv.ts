/**
 * proc2csv's output: `|`-delimited by default, one header line labelling every
 * column, nested values flattened into dotted names (`cpus.CPU0`). The columns
 * are the union over the file's records (src/format/table.ts): a field a
 * record lacks is an empty cell. Files whose records are of different kinds
 * (stat, net/snmp, …) get a blank line and a new header where the kind changes.
 */
import type { Scalar } from './flatten';
import { cells, tableBlocks } from './table';

function quote(value: Scalar | undefined, delimiter: string): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** The CSV text in lines (each ending in a newline), for writing a large file piece by piece. */
export function* csvLines(records: readonly object[], delimiter = '|', handler?: string): Generator<string> {
  const blocks = tableBlocks(records, handler);
  for (const [i, block] of blocks.entries()) {
    if (i > 0) yield '\n';
    yield `${block.columns.map((c) => quote(c, delimiter)).join(delimiter)}\n`;
    for (const index of block.rows) {
      const flat = cells(records[index]) as Record<string, Scalar | undefined>;
      yield `${block.columns.map((c) => quote(flat[c], delimiter)).join(delimiter)}\n`;
    }
  }
}

export function toCsv(records: readonly object[], delimiter = '|', handler?: string): string {
  let out = '';
  for (const line of csvLines(records, delimiter, handler)) out += line;
  return out;
}
