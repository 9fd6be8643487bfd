/**
 * /proc/net/arp_tables_names — arptables: the tables in use.
 * Kernel: net/netfilter/x_tables.c, xt_table_seq_show(). Format: formats/xt-names.ts.
 * Sample: "filter"
 */
import { xtNamesHandler } from '../formats/xt-names';

export const arpTablesNames = xtNamesHandler('net/arp_tables_names', 'arptables tables in use');
