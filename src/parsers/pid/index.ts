/** Every handler for a per-process file (/proc/<pid>, /proc/self, task/<tid>), keyed by handler name. */
import { refusedHandler, type HandlerTable } from '../../handler';
import { archStatus } from './arch_status';
import { attr } from './attr';
import { autogroup } from './autogroup';
import { cgroup } from './cgroup';
import { children } from './children';
import { cmdline } from './cmdline';
import { environ } from './environ';
import { fdinfo } from './fdinfo';
import { gidMap, projidMap, uidMap } from './id_map';
import { io } from './io';
import { ksmStat } from './ksm_stat';
import { latency } from './latency';
import { limits } from './limits';
import { cwd, exe, fd, root } from './links';
import { mapFiles } from './map_files';
import { maps } from './maps';
import { ns } from './ns';
import { numaMaps } from './numa_maps';
import { sched } from './sched';
import { schedstat } from './schedstat';
import {
  comm, coredumpFilter, cpuset, ksmMergingPages, loginuid, oomAdj, oomScore, oomScoreAdj, personality, sessionid, setgroups, timerslackNs, wchan,
} from './single';
import { smaps, smapsRollup } from './smaps';
import { stack } from './stack';
import { stat } from './stat';
import { statm } from './statm';
import { status } from './status';
import { syscall } from './syscall';
import { timensOffsets } from './timens_offsets';
import { timers } from './timers';
import { pidMounts } from './mounts';
import { pidMountinfo } from './mountinfo';
import { pidMountstats } from './mountstats';

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
