/**
 * /proc/net/pnp — what kernel IP autoconfiguration (ip=…, nfsroot) obtained.
 * Kernel: net/ipv4/ipconfig.c, pnp_seq_show(): "#PROTO: %s\n" (RARP, DHCP or
 * BOOTP) or "#MANUAL\n", then "domain %s\n", "nameserver %pI4\n" per server
 * and "bootserver %pI4\n" when known.
 * Sample: "nameserver 192.168.1.1"
 *
 * One record per line: `name` is `proto` for the first line (value `MANUAL`,
 * `DHCP`, `BOOTP` or `RARP`), otherwise the keyword (`nameserver`, `domain`,
 * `bootserver`); `value` is the text after it, as written.
 */
import { defineHandler } from '../../handler';
import { Lines } from '../helpers';

export interface PnpRecord {
  name: string;
  value: string;
}

export function parsePnp(text: string, file = 'net/pnp'): PnpRecord[] {
  const src = new Lines(file, text);
  const records: PnpRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i].trim();
    if (line === '') continue;
    if (line === '#MANUAL') {
      records.push({ name: 'proto', value: 'MANUAL' });
    } else if (line.startsWith('#PROTO:')) {
      const value = line.slice(7).trim();
      if (value === '') src.fail(i, 'missing protocol after "#PROTO:"');
      records.push({ name: 'proto', value });
    } else {
      const space = line.search(/\s/);
      if (space <= 0) src.fail(i, 'expected "keyword value"');
      records.push({ name: line.slice(0, space), value: line.slice(space).trim() });
    }
  }
  return records;
}

export const pnp = defineHandler<PnpRecord>({
  name: 'net/pnp',
  summary: 'IP autoconfiguration results (protocol, name servers, domain, boot server)',
  parse: parsePnp,
});
