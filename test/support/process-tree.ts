/**
 * The process-groups tree: the synthetic processes of fixtures/trees/process-groups
 * (written with this file, see its README), on the writers of
 * bench/support/process-tree.ts, which the benchmark shares.
 */
import * as fs from 'fs';
import { writeProcess, writeRootStat, type SyntheticProcess } from '../../bench/support/process-tree';

export { statLine, statusText, writeProcess, writeRootStat, type SyntheticProcess } from '../../bench/support/process-tree';

/** btime of the process-groups tree: 2026-11-26T00:00:00Z. */
export const TREE_BTIME = 1795651200;

/** The processes of fixtures/trees/process-groups (written by `npx tsx test/support/process-tree.ts <dir>`). */
export const PROCESS_GROUPS_TREE: readonly SyntheticProcess[] = [
  // A kernel thread: no exe, empty cmdline; matches no group.
  { pid: 2, comm: 'kthreadd', state: 'S', ppid: 0, starttime: 8 },
  // nginx: master and two workers (one running), exe /usr/sbin/nginx.
  { pid: 100, comm: 'nginx', exe: '/usr/sbin/nginx', argv: ['nginx: master process /usr/sbin/nginx'], utime: 150, stime: 50, starttime: 2000, vsizeBytes: 10_485_760, rssPages: 500, voluntary: 40, nonvoluntary: 3, io: { read: 1_048_576, write: 4096 }, fds: 6 },
  { pid: 101, comm: 'nginx', ppid: 100, exe: '/usr/sbin/nginx', argv: ['nginx: worker process'], utime: 1200, stime: 300, starttime: 2050, vsizeBytes: 11_534_336, rssPages: 900, swapKb: 128, voluntary: 5000, nonvoluntary: 120, io: { read: 0, write: 65536 }, fds: 20 },
  { pid: 102, comm: 'nginx', ppid: 100, state: 'R', exe: '/usr/sbin/nginx', argv: ['nginx: worker process'], utime: 1100, stime: 280, starttime: 2050, vsizeBytes: 11_534_336, rssPages: 880, voluntary: 4800, nonvoluntary: 110, io: { read: 0, write: 61440 }, fds: 19 },
  // Two Python services: grouped by the script name a cmdline regex captures.
  { pid: 200, comm: 'python3', exe: '/usr/bin/python3.12', argv: ['/usr/bin/python3', '/srv/app/worker.py', '--queue', 'high'], utime: 500, stime: 20, threads: 4, starttime: 5000, vsizeBytes: 300_000_000, rssPages: 10_000, voluntary: 100, nonvoluntary: 7, io: { read: 8192, write: 0 }, fds: 9 },
  { pid: 201, comm: 'python3', exe: '/usr/bin/python3.12', argv: ['/usr/bin/python3', '/srv/app/web.py'], utime: 42, stime: 8, threads: 2, starttime: 6000, vsizeBytes: 200_000_000, rssPages: 6000, voluntary: 30, nonvoluntary: 1, io: { read: 0, write: 0 }, fds: 12 },
  // postgres: one without an io file (unreadable/absent), one zombie, one in disk sleep.
  { pid: 300, comm: 'postgres', exe: '/usr/lib/postgresql/16/bin/postgres', argv: ['/usr/lib/postgresql/16/bin/postgres', '-D', '/var/lib/postgresql/16/main'], utime: 900, stime: 400, starttime: 1500, vsizeBytes: 220_000_000, rssPages: 7000, voluntary: 900, nonvoluntary: 40, fds: 11 },
  { pid: 301, comm: 'postgres', ppid: 300, state: 'Z', exe: '/usr/lib/postgresql/16/bin/postgres', argv: [], utime: 3, stime: 1, starttime: 1600, voluntary: 2, nonvoluntary: 0 },
  { pid: 302, comm: 'postgres', ppid: 300, state: 'D', exe: '/usr/lib/postgresql/16/bin/postgres', argv: ['postgres: checkpointer'], utime: 60, stime: 90, starttime: 1550, vsizeBytes: 220_000_000, rssPages: 1500, voluntary: 300, nonvoluntary: 2, io: { read: 0, write: 33_554_432 }, fds: 5 },
  // bash: matches no group.
  { pid: 400, comm: 'bash', exe: '/usr/bin/bash', argv: ['-bash'], utime: 10, stime: 5, starttime: 3000, vsizeBytes: 9_000_000, rssPages: 1000, fds: 4 },
];

export function writeTree(root: string, processes: readonly SyntheticProcess[] = PROCESS_GROUPS_TREE, btime = TREE_BTIME): void {
  writeRootStat(root, btime);
  for (const p of processes) writeProcess(root, p);
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir || fs.existsSync(dir)) throw new Error('usage: npx tsx test/support/process-tree.ts <new directory>');
  writeTree(dir);
}
