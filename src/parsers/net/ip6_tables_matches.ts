/**
 * /proc/net/ip6_tables_matches — IPv6 ip6tables: the match extensions registered.
 * Kernel: net/netfilter/x_tables.c, xt_match_seq_show(). Format: formats/xt-names.ts.
 * Sample: "conntrack"
 */
import { xtNamesHandler } from '../formats/xt-names';

export const ip6TablesMatches = xtNamesHandler('net/ip6_tables_matches', 'IPv6 ip6tables match extensions registered');
