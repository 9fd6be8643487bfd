/**
 * /proc/net/tls_stat — kernel TLS (kTLS) counters.
 * Kernel: net/tls/tls_proc.c, tls_statistics_seq_show(): `"%-32s\t%lu\n"` per counter.
 * Sample: "TlsCurrTxSw                     \t0"
 *
 * Empty on the captured machines (the tls module is not loaded): the fixture
 * fixtures/synthetic/proc/net/tls_stat is written by hand following that
 * seq_printf, with the counter names of tls_mib_list (Linux 6.x).
 * One record per counter, name as printed, value as a number.
 */
import { defineHandler } from '../../handler';
import { Lines, nameValueLines } from '../helpers';

export interface TlsStatRecord {
  name: string;
  value: number;
}

export function parseTlsStat(text: string, file = 'net/tls_stat'): TlsStatRecord[] {
  return nameValueLines(new Lines(file, text));
}

export const tlsStat = defineHandler<TlsStatRecord>({
  name: 'net/tls_stat',
  summary: 'kernel TLS (kTLS) counters',
  parse: parseTlsStat,
});
