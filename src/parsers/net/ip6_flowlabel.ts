/**
 * /proc/net/ip6_flowlabel — IPv6 flow labels in use.
 * Kernel: net/ipv6/ip6_flowlabel.c, ip6fl_seq_show().
 * Sample: "1A2B3 2 4242   1      6      59       fd000000000000000000000000000001 0   "
 *
 * The fixture with data rows (fixtures/synthetic/proc/net/ip6_flowlabel) is
 * synthetic, written after ip6fl_seq_show()'s "%05X %-1d %-6d %-6d %-6ld %-8ld %pi6 %-4d"
 * (this machine has no flow labels).
 *
 * Columns keep the header's names: Label (hex as written), S (share: 0 none,
 * 1 exclusive, 2 process, 3 user, 255 any), Owner (pid or uid per S), Users,
 * Linger and Expires (seconds), Dst (`%pi6` as written), Opt (option length);
 * `label` is the label as a number, `dst` the RFC 5952 text of Dst and
 * `share` the name of S.
 */
import { defineHandler } from '../../handler';
import { headerTable, Lines } from '../helpers';
import { ipv6FromNetworkHex } from './address';

export interface Ip6FlowlabelRecord {
  Label: string;
  S: number;
  Owner: number;
  Users: number;
  Linger: number;
  Expires: number;
  Dst: string;
  Opt: number;
  label: number;
  share?: string;
  dst: string;
}

const SHARES: Record<number, string> = { 0: 'none', 1: 'exclusive', 2: 'process', 3: 'user', 255: 'any' };

export function parseIp6Flowlabel(text: string, file = 'net/ip6_flowlabel'): Ip6FlowlabelRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  if (!src.lines[0].startsWith('Label ')) src.fail(0, 'expected the header line "Label S Owner …"');
  const rows = headerTable(src, { numeric: ['S', 'Owner', 'Users', 'Linger', 'Expires', 'Opt'], required: ['Label', 'Dst'] });
  return rows.map((row, n) => {
    const record = row as unknown as Ip6FlowlabelRecord;
    record.label = src.hex(record.Label, n + 1, 'Label');
    if (SHARES[record.S] !== undefined) record.share = SHARES[record.S];
    const dst = ipv6FromNetworkHex(record.Dst);
    if (dst === undefined) src.fail(n + 1, `Dst is not a 32-digit hex address (${JSON.stringify(record.Dst)})`);
    record.dst = dst;
    return record;
  });
}

export const ip6Flowlabel = defineHandler<Ip6FlowlabelRecord>({
  name: 'net/ip6_flowlabel',
  summary: 'IPv6 flow labels',
  parse: parseIp6Flowlabel,
});
