/**
 * Every collector, in one explicit table (no registration by import side
 * effects): a collector exists because it is listed here. The key is the
 * collector's name. Adding one: docs/collectors.md.
 */
import type { CollectorCatalog, CollectorTable } from '../src/collector';
import { mappingCollector } from './mappings';
import { processGroupsCollector } from './process-groups';
import { diskstats } from './diskstats';
import { netstat } from './netstat';
import { sockstat } from './sockstat';
import { softirqs } from './softirqs';
import { arp } from './arp';
import { buddyinfo } from './buddyinfo';
import { cgroups } from './cgroups';
import { conntrack } from './conntrack';
import { lnstat } from './lnstat';
import { mdadm } from './mdadm';
import { mountstats } from './mountstats';
import { nfs } from './nfs';
import { nfsd } from './nfsd';
import { processes } from './processes';
import { schedstat } from './schedstat';
import { slabinfo } from './slabinfo';
import { udpQueues } from './udp_queues';
import { xfrm } from './xfrm';
import { zoneinfo } from './zoneinfo';
import { cpu } from './cpu';
import { entropy } from './entropy';
import { filefd } from './filefd';
import { interrupts } from './interrupts';
import { loadavg } from './loadavg';
import { meminfo } from './meminfo';
import { netdev } from './netdev';
import { pressure } from './pressure';
import { softnet } from './softnet';
import { stat } from './stat';
import { tcpstat } from './tcpstat';
import { textfile } from './textfile';
import { vmstat } from './vmstat';
import { swap } from './swap';
import { kernelHung } from './kernel_hung';
import { drbd } from './drbd';
import { ipvs } from './ipvs';
import { zfs } from './zfs';
import { sysctl } from './sysctl';
import { uname } from './uname';
import { time } from './time';
import { timex } from './timex';
import { os } from './os';
import { netclass } from './netclass';
import { filesystem } from './filesystem';

export const collectors = {
  diskstats,
  netstat,
  sockstat,
  softirqs,
  arp,
  buddyinfo,
  cgroups,
  conntrack,
  lnstat,
  mdadm,
  mountstats,
  nfs,
  nfsd,
  processes,
  schedstat,
  slabinfo,
  udp_queues: udpQueues,
  xfrm,
  zoneinfo,
  cpu,
  entropy,
  filefd,
  interrupts,
  loadavg,
  meminfo,
  netdev,
  pressure,
  softnet,
  stat,
  tcpstat,
  textfile,
  vmstat,
  swap,
  kernel_hung: kernelHung,
  drbd,
  ipvs,
  zfs,
  sysctl,
  uname,
  time,
  timex,
  os,
  netclass,
  filesystem,
} satisfies CollectorTable;

export type CollectorName = keyof typeof collectors;

/** What the exporter is handed (src/exporter/main.ts): the table, and the factories of the collectors config.yaml defines. */
export const catalog: CollectorCatalog = { collectors, mapping: mappingCollector, processGroups: processGroupsCollector };
