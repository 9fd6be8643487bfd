/**
 * /proc/net/nf_conntrack — the connection tracking table.
 * Kernel: net/netfilter/nf_conntrack_standalone.c, ct_seq_show(). Format: formats/conntrack.ts.
 * Sample: "ipv4     2 tcp      6 431993 ESTABLISHED src=192.168.1.14 dst=64.26.60.229 sport=46219 dport=993 src=64.26.60.229 …"
 */
import { defineHandler } from '../../handler';
import { parseNfConntrack, type ConntrackRecord } from '../formats/conntrack';

export const nfConntrack = defineHandler<ConntrackRecord>({
  name: 'net/nf_conntrack',
  summary: 'connection tracking table: protocol, state, original and reply tuples, flags',
  parse: parseNfConntrack,
});
