/**
 * /proc/net/rt6_stats — IPv6 routing table statistics.
 * Kernel: net/ipv6/route.c, rt6_stats_seq_show(): seven `%04x` values, the
 * fields of struct rt6_statistics (and the dst entry count) in this order.
 * Sample: "0009 0006 000a 0007 0000 0000 0000"
 *
 * One record; the hex values become numbers.
 */
import { defineHandler } from '../../handler';
import { Lines, whitespaceTable, type ColumnSpec } from '../helpers';

export interface Rt6StatsRecord {
  fib_nodes: number;
  fib_route_nodes: number;
  fib_rt_alloc: number;
  fib_rt_entries: number;
  fib_rt_cache: number;
  dst_entries: number;
  fib_discarded_routes: number;
}

const COLUMNS: readonly ColumnSpec[] = [
  ['fib_nodes', 'hex'],
  ['fib_route_nodes', 'hex'],
  ['fib_rt_alloc', 'hex'],
  ['fib_rt_entries', 'hex'],
  ['fib_rt_cache', 'hex'],
  ['dst_entries', 'hex'],
  ['fib_discarded_routes', 'hex'],
];

export function parseRt6Stats(text: string, file = 'net/rt6_stats'): Rt6StatsRecord[] {
  const src = new Lines(file, text);
  if (src.length > 1) src.fail(1, 'expected one line');
  return whitespaceTable(src, COLUMNS) as unknown as Rt6StatsRecord[];
}

export const rt6Stats = defineHandler<Rt6StatsRecord>({
  name: 'net/rt6_stats',
  summary: 'IPv6 routing table statistics (hex counts as numbers)',
  parse: parseRt6Stats,
});
