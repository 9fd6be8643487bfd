/** Every handler for a per-process file (/proc/<pid>, /proc/self, task/<tid>), keyed by handler name. */
import { refusedHandler, type HandlerTable } from '../../handler';
import { archStatus } from './arch_status';
import { attr } from './attr';
import { autogroup } from './autogroup';
import { cgroup } from './cgroup';
import { children } from './children';
import { cmdline } from './cmdline';
import { comm } from './comm';
import { coredumpFilter } from './coredump_filter';
import { cpuset } from './cpuset';
import { cwd } from './cwd';
import { environ } from './environ';
import { exe } from './exe';
import { fd } from './fd';
import { fdinfo } from './fdinfo';
import { gidMap } from './gid_map';
import { io } from './io';
import { ksmMergingPages } from './ksm_merging_pages';
import { ksmStat } from './ksm_stat';
import { latency } from './latency';
import { limits } from './limits';
import { loginuid } from './loginuid';
import { mapFiles } from './map_files';
import { maps } from './maps';
import { pidMountinfo } from './mountinfo';
import { pidMounts } from './mounts';
import { pidMountstats } from './mountstats';
import { ns } from './ns';
import { numaMaps } from './numa_maps';
import { oomAdj } from './oom_adj';
import { oomScore } from './oom_score';
import { oomScoreAdj } from './oom_score_adj';
import { personality } from './personality';
import { projidMap } from './projid_map';
import { root } from './root';
import { sched } from './sched';
import { schedstat } from './schedstat';
import { sessionid } from './sessionid';
import { setgroups } from './setgroups';
import { smaps } from './smaps';
import { smapsRollup } from './smaps_rollup';
import { stack } from './stack';
import { stat } from './stat';
import { statm } from './statm';
import { status } from './status';
import { syscall } from './syscall';
import { timensOffsets } from './timens_offsets';
import { timers } from './timers';
import { timerslackNs } from './timerslack_ns';
import { uidMap } from './uid_map';
import { wchan } from './wchan';

export const pidHandlers = {
  'pid/arch_status': archStatus,
  'pid/attr': attr,
  'pid/autogroup': autogroup,
  'pid/auxv': refusedHandler('pid/auxv', 'binary file, not supported'),
  'pid/cgroup': cgroup,
  'pid/children': children,
  'pid/clear_refs': refusedHandler('pid/clear_refs', 'write-only file, not supported'),
  'pid/cmdline': cmdline,
  'pid/comm': comm,
  'pid/coredump_filter': coredumpFilter,
  'pid/cpuset': cpuset,
  'pid/cwd': cwd,
  'pid/environ': environ,
  'pid/exe': exe,
  'pid/fd': fd,
  'pid/fdinfo': fdinfo,
  'pid/gid_map': gidMap,
  'pid/io': io,
  'pid/ksm_merging_pages': ksmMergingPages,
  'pid/ksm_stat': ksmStat,
  'pid/latency': latency,
  'pid/limits': limits,
  'pid/loginuid': loginuid,
  'pid/map_files': mapFiles,
  'pid/maps': maps,
  'pid/mem': refusedHandler('pid/mem', 'binary file, not supported'),
  'pid/mountinfo': pidMountinfo,
  'pid/mounts': pidMounts,
  'pid/mountstats': pidMountstats,
  'pid/ns': ns,
  'pid/numa_maps': numaMaps,
  'pid/oom_adj': oomAdj,
  'pid/oom_score': oomScore,
  'pid/oom_score_adj': oomScoreAdj,
  'pid/pagemap': refusedHandler('pid/pagemap', 'binary file, not supported'),
  'pid/personality': personality,
  'pid/projid_map': projidMap,
  'pid/root': root,
  'pid/sched': sched,
  'pid/schedstat': schedstat,
  'pid/sessionid': sessionid,
  'pid/setgroups': setgroups,
  'pid/smaps': smaps,
  'pid/smaps_rollup': smapsRollup,
  'pid/stack': stack,
  'pid/stat': stat,
  'pid/statm': statm,
  'pid/status': status,
  'pid/syscall': syscall,
  'pid/timens_offsets': timensOffsets,
  'pid/timers': timers,
  'pid/timerslack_ns': timerslackNs,
  'pid/uid_map': uidMap,
  'pid/wchan': wchan,
} satisfies HandlerTable;
