/**
 * /proc/net/xfrm_stat — IPsec (xfrm) error counters.
 * Kernel: net/xfrm/xfrm_proc.c, xfrm_statistics_seq_show(): `"%-24s\t%lu\n"` per counter.
 * Sample: "XfrmInError             \t0"
 *
 * One record per counter, name as printed, value as a number.
 */
import { defineHandler } from '../../handler';
import { Lines, nameValueLines } from '../helpers';

export interface XfrmStatRecord {
  name: string;
  value: number;
}

export function parseXfrmStat(text: string, file = 'net/xfrm_stat'): XfrmStatRecord[] {
  return nameValueLines(new Lines(file, text));
}

export const xfrmStat = defineHandler<XfrmStatRecord>({
  name: 'net/xfrm_stat',
  summary: 'IPsec (xfrm) error counters',
  parse: parseXfrmStat,
});
