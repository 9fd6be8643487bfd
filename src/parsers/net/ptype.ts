/**
 * /proc/net/ptype — packet types (ethertypes) with a receive handler.
 * Kernel: net/core/net-procfs.c, ptype_seq_show().
 * Sample: "ALL  eth0     tpacket_rcv+0x0/0x7d0"
 *
 * Columns keep the header's names: Type (ethertype, hex as written, or ALL),
 * Device (absent when the handler is not bound to one), Function (the handler
 * symbol as %ps prints it: a bare name on new kernels, name+off/len on 3.2).
 */
import { defineHandler } from '../../handler';
import { fields, isHex, Lines } from '../helpers';

export interface PtypeRecord {
  Type: string;
  Device?: string;
  Function: string;
}

export function parsePtype(text: string, file = 'net/ptype'): PtypeRecord[] {
  const src: Lines = new Lines(file, text);
  const records: PtypeRecord[] = [];
  if (src.length === 0) return records;
  if (fields(src.lines[0])[0] !== 'Type') src.fail(0, 'expected the header line "Type Device Function"');
  for (let i = 1; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length < 2 || f.length > 3) src.fail(i, `expected "TYPE [DEVICE] FUNCTION", found ${f.length} fields`);
    if (f[0] !== 'ALL' && !isHex(f[0])) src.fail(i, `Type is neither ALL nor hexadecimal (${JSON.stringify(f[0])})`);
    const record: PtypeRecord = f.length === 3 ? { Type: f[0], Device: f[1], Function: f[2] } : { Type: f[0], Function: f[1] };
    records.push(record);
  }
  return records;
}

export const ptype = defineHandler<PtypeRecord>({
  name: 'net/ptype',
  summary: 'Packet types with a receive handler',
  parse: parsePtype,
});
