/**
 * /proc/net/nf_conntrack_expect — expected connections (related flows announced by helpers such as ftp or sip).
 * Kernel: net/netfilter/nf_conntrack_expect.c, exp_seq_show(). Format: formats/conntrack-expect.ts.
 * Sample: "297 l3proto = 2 proto=6 src=192.168.1.14 dst=192.168.1.1 sport=0 dport=40013 ftp"
 */
import { defineHandler } from '../../handler';
import { parseNfConntrackExpect, type ConntrackExpectRecord } from '../formats/conntrack-expect';

export const nfConntrackExpect = defineHandler<ConntrackExpectRecord>({
  name: 'net/nf_conntrack_expect',
  summary: 'expected connections announced by conntrack helpers',
  parse: parseNfConntrackExpect,
});
