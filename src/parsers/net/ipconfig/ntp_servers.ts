/**
 * /proc/net/ipconfig/ntp_servers — NTP servers learnt by kernel IP autoconfiguration (DHCP option 42).
 * Kernel: net/ipv4/ipconfig.c, ntp_servers_show(): `"%pI4\n"` per server.
 * Sample: "192.168.1.1"
 *
 * Empty on the captured machine (no kernel DHCP): fixtures/synthetic/proc/net/ipconfig/ntp_servers
 * is written by hand following that seq_printf. One record per server.
 */
import { defineHandler } from '../../../handler';
import { Lines } from '../../helpers';

export interface NtpServerRecord {
  address: string;
}

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function parseNtpServers(text: string, file = 'net/ipconfig/ntp_servers'): NtpServerRecord[] {
  const src = new Lines(file, text);
  const records: NtpServerRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i].trim();
    if (line === '') continue;
    if (!IPV4.test(line)) src.fail(i, 'expected an IPv4 address');
    records.push({ address: line });
  }
  return records;
}

export const ntpServers = defineHandler<NtpServerRecord>({
  name: 'net/ipconfig/ntp_servers',
  summary: 'NTP servers from kernel IP autoconfiguration',
  parse: parseNtpServers,
});
