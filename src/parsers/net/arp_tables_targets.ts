/**
 * /proc/net/arp_tables_targets — arptables: the target extensions registered.
 * Kernel: net/netfilter/x_tables.c, xt_target_seq_show(). Format: formats/xt-names.ts.
 * Sample: "REJECT"
 */
import { xtNamesHandler } from '../formats/xt-names';

export const arpTablesTargets = xtNamesHandler('net/arp_tables_targets', 'arptables target extensions registered');
