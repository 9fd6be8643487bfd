/**
 * Every handler for a file in the root of /proc (and its small subtrees such
 * as pressure/, sys/ and spl/; and sched/debug, the debugfs copy of
 * sched_debug), keyed by handler name.
 */
import { refusedHandler, type HandlerTable } from '../handler';
import { buddyinfo } from './buddyinfo';
import { cgroups } from './cgroups';
import { cmdline } from './cmdline';
import { consoles } from './consoles';
import { cpuinfo } from './cpuinfo';
import { crypto } from './crypto';
import { devices } from './devices';
import { diskstats } from './diskstats';
import { dma } from './dma';
import { drbd } from './drbd';
import { execdomains } from './execdomains';
import { fb } from './fb';
import { filesystems } from './filesystems';
import { interrupts } from './interrupts';
import { iomem } from './iomem';
import { ioports } from './ioports';
import { kallsyms } from './kallsyms';
import { keyUsers } from './key-users';
import { keys } from './keys';
import { latencyStats } from './latency_stats';
import { loadavg } from './loadavg';
import { locks } from './locks';
import { mdstat } from './mdstat';
import { meminfo } from './meminfo';
import { misc } from './misc';
import { modules } from './modules';
import { mounts } from './mounts';
import { mtrr } from './mtrr';
import { pagetypeinfo } from './pagetypeinfo';
import { partitions } from './partitions';
import { pressureCpu } from './pressure/cpu';
import { pressureIo } from './pressure/io';
import { pressureIrq } from './pressure/irq';
import { pressureMemory } from './pressure/memory';
import { debugfsSchedDebug } from './sched/debug';
import { schedDebug } from './sched_debug';
import { schedstat } from './schedstat';
import { slabinfo } from './slabinfo';
import { softirqs } from './softirqs';
import { zfsAbdstats } from './spl/kstat/zfs/abdstats';
import { zfsArcstats } from './spl/kstat/zfs/arcstats';
import { zfsDbufstats } from './spl/kstat/zfs/dbufstats';
import { zfsDmuTx } from './spl/kstat/zfs/dmu_tx';
import { zfsDnodestats } from './spl/kstat/zfs/dnodestats';
import { zfsFm } from './spl/kstat/zfs/fm';
import { zpoolIo } from './spl/kstat/zfs/pool/io';
import { zpoolObjset } from './spl/kstat/zfs/pool/objset';
import { zpoolState } from './spl/kstat/zfs/pool/state';
import { zfsVdevCacheStats } from './spl/kstat/zfs/vdev_cache_stats';
import { zfsVdevMirrorStats } from './spl/kstat/zfs/vdev_mirror_stats';
import { zfsXuioStats } from './spl/kstat/zfs/xuio_stats';
import { zfsZfetchstats } from './spl/kstat/zfs/zfetchstats';
import { zfsZil } from './spl/kstat/zfs/zil';
import { stat } from './stat';
import { swaps } from './swaps';
import { fileNr } from './sys/fs/file-nr';
import { arch } from './sys/kernel/arch';
import { domainname } from './sys/kernel/domainname';
import { hostname } from './sys/kernel/hostname';
import { hungTaskDetectCount } from './sys/kernel/hung_task_detect_count';
import { osrelease } from './sys/kernel/osrelease';
import { ostype } from './sys/kernel/ostype';
import { pidMax } from './sys/kernel/pid_max';
import { entropyAvail } from './sys/kernel/random/entropy_avail';
import { poolsize } from './sys/kernel/random/poolsize';
import { threadsMax } from './sys/kernel/threads-max';
import { kernelVersion } from './sys/kernel/version';
import { nfConntrackCount } from './sys/net/netfilter/nf_conntrack_count';
import { nfConntrackMax } from './sys/net/netfilter/nf_conntrack_max';
import { timerList } from './timer_list';
import { timerStats } from './timer_stats';
import { uptime } from './uptime';
import { version } from './version';
import { versionSignature } from './version_signature';
import { vmallocinfo } from './vmallocinfo';
import { vmstat } from './vmstat';
import { zoneinfo } from './zoneinfo';

export const rootHandlers = {
  buddyinfo,
  cgroups,
  cmdline,
  'config.gz': refusedHandler('config.gz', 'compressed kernel configuration, not a text file: read it with zcat'),
  consoles,
  cpuinfo,
  crypto,
  devices,
  diskstats,
  dma,
  drbd,
  execdomains,
  fb,
  filesystems,
  interrupts,
  iomem,
  ioports,
  kallsyms,
  kcore: refusedHandler('kcore', "binary file (the kernel's memory as an ELF core), not supported"),
  'key-users': keyUsers,
  keys,
  kmsg: refusedHandler('kmsg', 'kernel log stream (reading blocks and consumes messages), not supported: use dmesg'),
  kpagecgroup: refusedHandler('kpagecgroup', 'binary file, not supported'),
  kpagecount: refusedHandler('kpagecount', 'binary file, not supported'),
  kpageflags: refusedHandler('kpageflags', 'binary file, not supported'),
  latency_stats: latencyStats,
  loadavg,
  locks,
  mdstat,
  meminfo,
  misc,
  modules,
  mounts,
  mtrr,
  pagetypeinfo,
  partitions,
  'pressure/cpu': pressureCpu,
  'pressure/io': pressureIo,
  'pressure/irq': pressureIrq,
  'pressure/memory': pressureMemory,
  'sched/debug': debugfsSchedDebug,
  sched_debug: schedDebug,
  schedstat,
  slabinfo,
  softirqs,
  'spl/kstat/zfs/abdstats': zfsAbdstats,
  'spl/kstat/zfs/arcstats': zfsArcstats,
  'spl/kstat/zfs/dbufstats': zfsDbufstats,
  'spl/kstat/zfs/dmu_tx': zfsDmuTx,
  'spl/kstat/zfs/dnodestats': zfsDnodestats,
  'spl/kstat/zfs/fm': zfsFm,
  'spl/kstat/zfs/pool/io': zpoolIo,
  'spl/kstat/zfs/pool/objset': zpoolObjset,
  'spl/kstat/zfs/pool/state': zpoolState,
  'spl/kstat/zfs/vdev_cache_stats': zfsVdevCacheStats,
  'spl/kstat/zfs/vdev_mirror_stats': zfsVdevMirrorStats,
  'spl/kstat/zfs/xuio_stats': zfsXuioStats,
  'spl/kstat/zfs/zfetchstats': zfsZfetchstats,
  'spl/kstat/zfs/zil': zfsZil,
  stat,
  swaps,
  'sys/fs/file-nr': fileNr,
  'sys/kernel/arch': arch,
  'sys/kernel/domainname': domainname,
  'sys/kernel/hung_task_detect_count': hungTaskDetectCount,
  'sys/kernel/hostname': hostname,
  'sys/kernel/osrelease': osrelease,
  'sys/kernel/ostype': ostype,
  'sys/kernel/pid_max': pidMax,
  'sys/kernel/random/entropy_avail': entropyAvail,
  'sys/kernel/random/poolsize': poolsize,
  'sys/kernel/threads-max': threadsMax,
  'sys/kernel/version': kernelVersion,
  'sys/net/netfilter/nf_conntrack_count': nfConntrackCount,
  'sys/net/netfilter/nf_conntrack_max': nfConntrackMax,
  'sysrq-trigger': refusedHandler('sysrq-trigger', 'write-only file, not supported'),
  timer_list: timerList,
  timer_stats: timerStats,
  uptime,
  version,
  version_signature: versionSignature,
  vmallocinfo,
  vmstat,
  zoneinfo,
} satisfies HandlerTable;
