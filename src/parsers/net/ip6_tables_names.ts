/**
 * /proc/net/ip6_tables_names — IPv6 ip6tables: the tables in use.
 * Kernel: net/netfilter/x_tables.c, xt_table_seq_show(). Format: formats/xt-names.ts.
 * Sample: "filter"
 */
import { xtNamesHandler } from '../formats/xt-names';

export const ip6TablesNames = xtNamesHandler('net/ip6_tables_names', 'IPv6 ip6tables tables in use');
