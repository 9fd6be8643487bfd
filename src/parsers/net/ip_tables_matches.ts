/**
 * /proc/net/ip_tables_matches — IPv4 iptables: the match extensions registered.
 * Kernel: net/netfilter/x_tables.c, xt_match_seq_show(). Format: formats/xt-names.ts.
 * Sample: "conntrack"
 */
import { xtNamesHandler } from '../formats/xt-names';

export const ipTablesMatches = xtNamesHandler('net/ip_tables_matches', 'IPv4 iptables match extensions registered');
