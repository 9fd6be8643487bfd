/**
 * proc2csv's output: `|`-delimited by default, a header line labelling every
 * column; whenever the set of columns changes, a blank line and a new header
 * follow (the seed's behaviour). Nested values flatten into dotted names.
 */
import { flatten, type Scalar } from './flatten';

function quote(value: Scalar, delimiter: string): string {
  if (value === null) return '';
  const text = String(value);
  if (text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

export function toCsv(records: readonly object[], delimiter = '|'): string {
  const out: string[] = [];
  let columns: string[] | undefined;
  for (const record of records) {
    const flat = flatten(record);
    const keys = Object.keys(flat);
    if (columns === undefined || keys.length !== columns.length || keys.some((k, i) => k !== columns![i])) {
      if (columns !== undefined) out.push('');
      columns = keys;
      out.push(keys.map((k) => quote(k, delimiter)).join(delimiter));
    }
    out.push(keys.map((k) => quote(flat[k], delimiter)).join(delimiter));
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
