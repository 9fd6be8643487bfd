/**
 * /proc/net/ip6_tables_targets — IPv6 ip6tables: the target extensions registered.
 * Kernel: net/netfilter/x_tables.c, xt_target_seq_show(). Format: formats/xt-names.ts.
 * Sample: "REJECT"
 */
import { xtNamesHandler } from '../formats/xt-names';

export const ip6TablesTargets = xtNamesHandler('net/ip6_tables_targets', 'IPv6 ip6tables target extensions registered');
