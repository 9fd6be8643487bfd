/**
 * /proc/net/connector — kernel connector callbacks registered.
 * Kernel: drivers/connector/connector.c, cn_proc_show(): header "Name            ID",
 * then `"%-15s %u:%u\n"` (name, cb_id idx, cb_id val).
 * Sample: "cn_proc         1:1"
 *
 * `Name` and `ID` keep the header's names; `ID` is split into its two numbers
 * `idx` and `val` (struct cb_id).
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';

export interface ConnectorRecord {
  Name: string;
  ID: string;
  idx: number;
  val: number;
}

export function parseConnector(text: string, file = 'net/connector'): ConnectorRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  const header = fields(src.lines[0]);
  if (header[0] !== 'Name' || header[1] !== 'ID') src.fail(0, 'expected the header "Name ID"');
  const records: ConnectorRecord[] = [];
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== 2) src.fail(i, `expected "name idx:val", found ${f.length} fields`);
    const colon = f[1].indexOf(':');
    if (colon < 0) src.fail(i, 'expected the ID as "idx:val"');
    records.push({
      Name: f[0],
      ID: f[1],
      idx: src.int(f[1].slice(0, colon), i, 'idx'),
      val: src.int(f[1].slice(colon + 1), i, 'val'),
    });
  }
  return records;
}

export const connector = defineHandler<ConnectorRecord>({
  name: 'net/connector',
  summary: 'kernel connector callbacks (name and idx:val id)',
  parse: parseConnector,
});
