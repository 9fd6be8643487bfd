/**
 * /proc/net/netfilter/nfnetlink_log — NFLOG instances (log groups bound by a process).
 * Kernel: net/netfilter/nfnetlink_log.c, seq_show():
 * `"%5u %6u %5u %1u %5u %6u %2u\n"` — group_num, peer_portid, qlen, copy_mode,
 * copy_range, flushtimeout, use (no header line).
 * Sample: "    5   4242     0 2 65535    100  1"
 *
 * Empty on the captured machines: fixtures/synthetic/proc/net/netfilter/nfnetlink_log
 * is written by hand following that seq_printf. Names are the struct
 * nfulnl_instance members the kernel prints.
 */
import { defineHandler } from '../../../handler';
import { Lines, whitespaceTable, type ColumnSpec } from '../../helpers';

export interface NfnetlinkLogRecord {
  group_num: number;
  peer_portid: number;
  qlen: number;
  copy_mode: number;
  copy_range: number;
  flushtimeout: number;
  use: number;
}

const COLUMNS: readonly ColumnSpec[] = [
  ['group_num', 'int'],
  ['peer_portid', 'int'],
  ['qlen', 'int'],
  ['copy_mode', 'int'],
  ['copy_range', 'int'],
  ['flushtimeout', 'int'],
  ['use', 'int'],
];

export function parseNfnetlinkLog(text: string, file = 'net/netfilter/nfnetlink_log'): NfnetlinkLogRecord[] {
  return whitespaceTable(new Lines(file, text), COLUMNS, { skipBlank: true }) as unknown as NfnetlinkLogRecord[];
}

export const nfnetlinkLog = defineHandler<NfnetlinkLogRecord>({
  name: 'net/netfilter/nfnetlink_log',
  summary: 'NFLOG instances: log group, listener port id, queue length, copy mode',
  parse: parseNfnetlinkLog,
});
