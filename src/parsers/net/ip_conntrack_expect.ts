/**
 * /proc/net/ip_conntrack_expect — IPv4 expected connections of Linux ≤ 3.x.
 * Kernel: net/ipv4/netfilter/nf_conntrack_l3proto_ipv4_compat.c, exp_seq_show(). Format: formats/conntrack-expect.ts.
 * Sample: "297 proto=6 src=192.168.1.14 dst=192.168.1.1 sport=0 dport=40013"
 */
import { defineHandler } from '../../handler';
import { parseIpConntrackExpect, type ConntrackExpectRecord } from '../formats/conntrack-expect';

export const ipConntrackExpect = defineHandler<ConntrackExpectRecord>({
  name: 'net/ip_conntrack_expect',
  summary: 'IPv4 expected connections (older kernels)',
  parse: parseIpConntrackExpect,
});
