/**
 * /proc/net/ip_tables_targets — IPv4 iptables: the target extensions registered.
 * Kernel: net/netfilter/x_tables.c, xt_target_seq_show(). Format: formats/xt-names.ts.
 * Sample: "REJECT"
 */
import { xtNamesHandler } from '../formats/xt-names';

export const ipTablesTargets = xtNamesHandler('net/ip_tables_targets', 'IPv4 iptables target extensions registered');
