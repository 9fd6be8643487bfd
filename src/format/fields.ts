/**
 * show-proc-fields' output: every field of every record, indented, nested
 * structures decoded to any depth (the seed's ShowProcFields stopped at two).
 */

function render(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (item !== null && typeof item === 'object') {
        out.push(`${indent}[${i}]`);
        render(item, `${indent}  `, out);
      } else {
        out.push(`${indent}[${i}] ${JSON.stringify(item)}`);
      }
    });
    return;
  }
  for (const [key, child] of Object.entries(value as object)) {
    if (child !== null && typeof child === 'object') {
      const size = Array.isArray(child) ? `[${child.length}]` : '';
      out.push(`${indent}${key}${size}:`);
      render(child, `${indent}  `, out);
    } else {
      out.push(`${indent}${key}: ${typeof child === 'string' ? JSON.stringify(child) : String(child)}`);
    }
  }
}

export function toFieldListing(source: string, handler: string, records: readonly object[]): string {
  const out: string[] = [`${source} (handler ${handler}, ${records.length} record${records.length === 1 ? '' : 's'})`];
  records.forEach((record, i) => {
    out.push(`record ${i}:`);
    render(record, '  ', out);
  });
  return `${out.join('\n')}\n`;
}
