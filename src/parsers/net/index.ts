/** Every handler for a file under /proc/net, keyed by handler name. */
import { refusedHandler, type HandlerTable } from '../../handler';
import { anycast6 } from './anycast6';
import { arp } from './arp';
import { arpTablesMatches } from './arp_tables_matches';
import { arpTablesNames } from './arp_tables_names';
import { arpTablesTargets } from './arp_tables_targets';
import { bnep } from './bnep';
import { connector } from './connector';
import { dev } from './dev';
import { devMcast } from './dev_mcast';
import { devSnmp6 } from './dev_snmp6';
import { fibTrie } from './fib_trie';
import { fibTriestat } from './fib_triestat';
import { hci } from './hci';
import { icmp } from './icmp';
import { icmp6 } from './icmp6';
import { ifInet6 } from './if_inet6';
import { igmp } from './igmp';
import { igmp6 } from './igmp6';
import { ip6Flowlabel } from './ip6_flowlabel';
import { ip6MrCache } from './ip6_mr_cache';
import { ip6MrVif } from './ip6_mr_vif';
import { ip6TablesMatches } from './ip6_tables_matches';
import { ip6TablesNames } from './ip6_tables_names';
import { ip6TablesTargets } from './ip6_tables_targets';
import { ipConntrack } from './ip_conntrack';
import { ipConntrackExpect } from './ip_conntrack_expect';
import { ipMrCache } from './ip_mr_cache';
import { ipMrVif } from './ip_mr_vif';
import { ipTablesMatches } from './ip_tables_matches';
import { ipTablesNames } from './ip_tables_names';
import { ipTablesTargets } from './ip_tables_targets';
import { ipVs } from './ip_vs';
import { ipVsStats } from './ip_vs_stats';
import { ntpServers } from './ipconfig/ntp_servers';
import { ipv6Route } from './ipv6_route';
import { l2cap } from './l2cap';
import { mcfilter } from './mcfilter';
import { mcfilter6 } from './mcfilter6';
import { nfLog } from './netfilter/nf_log';
import { nfQueue } from './netfilter/nf_queue';
import { nfnetlinkLog } from './netfilter/nfnetlink_log';
import { nfnetlinkQueue } from './netfilter/nfnetlink_queue';
import { netlink } from './netlink';
import { netstat } from './netstat';
import { nfConntrack } from './nf_conntrack';
import { nfConntrackExpect } from './nf_conntrack_expect';
import { packet } from './packet';
import { pnp } from './pnp';
import { protocols } from './protocols';
import { psched } from './psched';
import { ptype } from './ptype';
import { raw } from './raw';
import { raw6 } from './raw6';
import { route } from './route';
import { rpcNfs } from './rpc/nfs';
import { rpcNfsd } from './rpc/nfsd';
import { rt6Stats } from './rt6_stats';
import { rtCache } from './rt_cache';
import { sco } from './sco';
import { snmp } from './snmp';
import { snmp6 } from './snmp6';
import { sockstat } from './sockstat';
import { sockstat6 } from './sockstat6';
import { softnetStat } from './softnet_stat';
import { statArpCache } from './stat/arp_cache';
import { statIpConntrack } from './stat/ip_conntrack';
import { statNdiscCache } from './stat/ndisc_cache';
import { statNfConntrack } from './stat/nf_conntrack';
import { statRtCache } from './stat/rt_cache';
import { statSynproxy } from './stat/synproxy';
import { tcp } from './tcp';
import { tcp6 } from './tcp6';
import { tlsStat } from './tls_stat';
import { udp } from './udp';
import { udp6 } from './udp6';
import { udplite } from './udplite';
import { udplite6 } from './udplite6';
import { unix } from './unix';
import { wireless } from './wireless';
import { xfrmStat } from './xfrm_stat';

export const netHandlers = {
  'net/anycast6': anycast6,
  'net/arp': arp,
  'net/arp_tables_matches': arpTablesMatches,
  'net/arp_tables_names': arpTablesNames,
  'net/arp_tables_targets': arpTablesTargets,
  'net/bnep': bnep,
  'net/connector': connector,
  'net/dev': dev,
  'net/dev_mcast': devMcast,
  'net/dev_snmp6': devSnmp6,
  'net/fib_trie': fibTrie,
  'net/fib_triestat': fibTriestat,
  'net/hci': hci,
  'net/icmp': icmp,
  'net/icmp6': icmp6,
  'net/if_inet6': ifInet6,
  'net/igmp': igmp,
  'net/igmp6': igmp6,
  'net/ip6_flowlabel': ip6Flowlabel,
  'net/ip6_mr_cache': ip6MrCache,
  'net/ip6_mr_vif': ip6MrVif,
  'net/ip6_tables_matches': ip6TablesMatches,
  'net/ip6_tables_names': ip6TablesNames,
  'net/ip6_tables_targets': ip6TablesTargets,
  'net/ip_conntrack': ipConntrack,
  'net/ip_conntrack_expect': ipConntrackExpect,
  'net/ip_mr_cache': ipMrCache,
  'net/ip_mr_vif': ipMrVif,
  'net/ip_tables_matches': ipTablesMatches,
  'net/ip_tables_names': ipTablesNames,
  'net/ip_tables_targets': ipTablesTargets,
  'net/ip_vs': ipVs,
  'net/ip_vs_stats': ipVsStats,
  'net/ipconfig/ntp_servers': ntpServers,
  'net/ipv6_route': ipv6Route,
  'net/l2cap': l2cap,
  'net/mcfilter': mcfilter,
  'net/mcfilter6': mcfilter6,
  'net/netfilter/nf_log': nfLog,
  'net/netfilter/nf_queue': nfQueue,
  'net/netfilter/nfnetlink_log': nfnetlinkLog,
  'net/netfilter/nfnetlink_queue': nfnetlinkQueue,
  'net/netlink': netlink,
  'net/netstat': netstat,
  'net/nf_conntrack': nfConntrack,
  'net/nf_conntrack_expect': nfConntrackExpect,
  'net/packet': packet,
  'net/pnp': pnp,
  'net/protocols': protocols,
  'net/psched': psched,
  'net/ptype': ptype,
  'net/raw': raw,
  'net/raw6': raw6,
  'net/route': route,
  'net/rpc/nfs': rpcNfs,
  'net/rpc/nfsd': rpcNfsd,
  'net/rt6_stats': rt6Stats,
  // net/ipv4/route.c, rt_acct_proc_show(): 256 raw struct ip_rt_acct records written with seq_write.
  'net/rt_acct': refusedHandler('net/rt_acct', 'binary file, not supported'),
  'net/rt_cache': rtCache,
  'net/sco': sco,
  'net/snmp': snmp,
  'net/snmp6': snmp6,
  'net/sockstat': sockstat,
  'net/sockstat6': sockstat6,
  'net/softnet_stat': softnetStat,
  'net/stat/arp_cache': statArpCache,
  'net/stat/ip_conntrack': statIpConntrack,
  'net/stat/ndisc_cache': statNdiscCache,
  'net/stat/nf_conntrack': statNfConntrack,
  'net/stat/rt_cache': statRtCache,
  'net/stat/synproxy': statSynproxy,
  'net/tcp': tcp,
  'net/tcp6': tcp6,
  'net/tls_stat': tlsStat,
  'net/udp': udp,
  'net/udp6': udp6,
  'net/udplite': udplite,
  'net/udplite6': udplite6,
  'net/unix': unix,
  'net/wireless': wireless,
  'net/xfrm_stat': xfrmStat,
} satisfies HandlerTable;
