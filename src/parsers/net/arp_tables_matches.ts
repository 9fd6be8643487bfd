/**
 * /proc/net/arp_tables_matches — arptables: the match extensions registered.
 * Kernel: net/netfilter/x_tables.c, xt_match_seq_show(). Format: formats/xt-names.ts.
 * Sample: "conntrack"
 */
import { xtNamesHandler } from '../formats/xt-names';

export const arpTablesMatches = xtNamesHandler('net/arp_tables_matches', 'arptables match extensions registered');
