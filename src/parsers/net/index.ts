/** Every handler for a file under /proc/net, keyed by handler name. */
import type { HandlerTable } from '../../handler';
import { anycast6 } from './anycast6';
import { arp } from './arp';
import { bnep, hci, l2cap, sco } from './bluetooth';
import { connector } from './connector';
import { dev } from './dev';
import { devMcast } from './dev_mcast';
import { fibTrie } from './fib_trie';
import { fibTriestat } from './fib_triestat';
import { ifInet6 } from './if_inet6';
import { igmp } from './igmp';
import { igmp6 } from './igmp6';
import { ip6Flowlabel } from './ip6_flowlabel';
import { ip6MrCache, ip6MrVif, ipMrCache, ipMrVif } from './ip_mr';
import { arpTablesMatches, arpTablesNames, arpTablesTargets, ip6TablesMatches, ip6TablesNames, ip6TablesTargets, ipTablesMatches, ipTablesNames, ipTablesTargets } from './ip_tables';
import { ntpServers } from './ipconfig/ntp_servers';
import { ipv6Route } from './ipv6_route';
import { ipVs } from './ip_vs';
import { ipVsStats } from './ip_vs_stats';
import { mcfilter } from './mcfilter';
import { mcfilter6 } from './mcfilter6';
import { nfLog } from './netfilter/nf_log';
import { nfQueue } from './netfilter/nf_queue';
import { nfnetlinkLog } from './netfilter/nfnetlink_log';
import { nfnetlinkQueue } from './netfilter/nfnetlink_queue';
import { netlink } from './netlink';
import { netstat } from './netstat';
import { ipConntrack, nfConntrack } from './nf_conntrack';
import { ipConntrackExpect, nfConntrackExpect } from './nf_conntrack_expect';
import { packet } from './packet';
import { pnp } from './pnp';
import { protocols } from './protocols';
import { psched } from './psched';
import { ptype } from './ptype';
import { route } from './route';
import { rpcNfs, rpcNfsd } from './rpc/nfs';
import { rt6Stats } from './rt6_stats';
import { rtAcct } from './rt_acct';
import { rtCache } from './rt_cache';
import { snmp } from './snmp';
import { devSnmp6, snmp6 } from './snmp6';
import { icmp, icmp6, raw, raw6, tcp, tcp6, udp, udp6, udplite, udplite6 } from './sockets';
import { sockstat, sockstat6 } from './sockstat';
import { softnetStat } from './softnet_stat';
import { statArpCache, statIpConntrack, statNdiscCache, statNfConntrack, statRtCache, statSynproxy } from './stat';
import { tlsStat } from './tls_stat';
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
  'net/rt_acct': rtAcct,
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
