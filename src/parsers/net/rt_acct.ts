/**
 * /proc/net/rt_acct — per-realm routing accounting (CONFIG_IP_ROUTE_CLASSID).
 * Kernel: net/ipv4/route.c, rt_acct_proc_show(): writes 256 raw struct
 * ip_rt_acct records with seq_write — a binary file, never parsed.
 */
import { refusedHandler } from '../../handler';

export const rtAcct = refusedHandler('net/rt_acct', 'binary file, not supported');
