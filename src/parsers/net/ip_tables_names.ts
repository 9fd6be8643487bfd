/**
 * /proc/net/ip_tables_names — IPv4 iptables: the tables in use.
 * Kernel: net/netfilter/x_tables.c, xt_table_seq_show(). Format: formats/xt-names.ts.
 * Sample: "filter"
 */
import { xtNamesHandler } from '../formats/xt-names';

export const ipTablesNames = xtNamesHandler('net/ip_tables_names', 'IPv4 iptables tables in use');
