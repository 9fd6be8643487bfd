/**
 * /proc/net/ip_vs_stats — IPVS totals and current rates.
 * Kernel: net/netfilter/ipvs/ip_vs_ctl.c, ip_vs_stats_show() (`%8LX %8LX %8LX %16LX %16LX`).
 * Sample: " 16AA370 E33656E5        0     51D8C8883AB3        0"
 *
 * Two header lines, the totals line (connections, incoming and outgoing
 * packets and bytes since the counters were zeroed), a blank line, the rates
 * header and the rates line (the estimator's per-second averages). Every
 * value is hexadecimal as printed; one record with both lines.
 */
import { defineHandler } from '../../handler';
import { fields, Lines } from '../helpers';

export interface IpVsStatsRecord {
  connections: number;
  incoming_packets: number;
  outgoing_packets: number;
  incoming_bytes: number;
  outgoing_bytes: number;
  connections_per_second: number;
  incoming_packets_per_second: number;
  outgoing_packets_per_second: number;
  incoming_bytes_per_second: number;
  outgoing_bytes_per_second: number;
}

const HEADERS: [index: number, text: string][] = [
  [0, 'Total Incoming Outgoing Incoming Outgoing'],
  [1, 'Conns Packets Packets Bytes Bytes'],
  [4, 'Conns/s Pkts/s Pkts/s Bytes/s Bytes/s'],
];

function five(src: Lines, index: number, what: string): number[] {
  const f = fields(src.lines[index]);
  if (f.length !== 5) src.fail(index, `expected 5 hexadecimal ${what}, found ${f.length} fields`);
  return f.map((token) => src.hex(token, index, what));
}

export function parseIpVsStats(text: string, file = 'net/ip_vs_stats'): IpVsStatsRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  if (src.length !== 6) src.fail(Math.min(src.length, 6) - 1, `expected 6 lines (totals and rates), found ${src.length}`);
  for (const [index, header] of HEADERS) {
    if (fields(src.lines[index]).join(' ') !== header) src.fail(index, `expected the header "${header}"`);
  }
  if (src.lines[3].trim() !== '') src.fail(3, 'expected a blank line between totals and rates');
  const [connections, incomingPackets, outgoingPackets, incomingBytes, outgoingBytes] = five(src, 2, 'totals');
  const [cps, inpps, outpps, inbps, outbps] = five(src, 5, 'rates');
  return [
    {
      connections,
      incoming_packets: incomingPackets,
      outgoing_packets: outgoingPackets,
      incoming_bytes: incomingBytes,
      outgoing_bytes: outgoingBytes,
      connections_per_second: cps,
      incoming_packets_per_second: inpps,
      outgoing_packets_per_second: outpps,
      incoming_bytes_per_second: inbps,
      outgoing_bytes_per_second: outbps,
    },
  ];
}

export const ipVsStats = defineHandler<IpVsStatsRecord>({
  name: 'net/ip_vs_stats',
  summary: 'IPVS totals (connections, packets, bytes) and current per-second rates',
  parse: parseIpVsStats,
});
