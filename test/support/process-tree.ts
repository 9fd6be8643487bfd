/**
 * The synthetic process trees of fixtures/trees/process-groups and
 * fixtures/trees/process-exporter (written with this file, see their READMEs),
 * on the writers of bench/support/process-tree.ts, which the benchmark shares.
 */
import * as fs from 'fs';
import { writeProcess, writeRootStat, type SyntheticProcess, type SyntheticThread } from '../../bench/support/process-tree';

export {
  limitsText,
  smapsRollupText,
  statLine,
  statusText,
  writeProcess,
  writeRootStat,
  type SyntheticProcess,
  type SyntheticThread,
} from '../../bench/support/process-tree';

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

/** The one thread of a single-threaded process (task/<pid>), with the process's numbers. */
function mainThread(p: SyntheticProcess): SyntheticThread {
  return {
    tid: p.pid,
    utime: p.utime,
    stime: p.stime,
    minflt: p.minflt ?? 2905,
    majflt: p.majflt,
    voluntary: p.voluntary,
    nonvoluntary: p.nonvoluntary,
    io: p.io,
    wchan: p.wchan,
  };
}

/** A process as a live kernel shows it: limits, smaps_rollup, wchan and task/ always there (defaults where the spec is silent). */
export function asLiveProcess(p: SyntheticProcess): SyntheticProcess {
  const full: SyntheticProcess = {
    fdLimit: 1024,
    pssKb: (p.rssPages ?? 0) * 3,
    swapPssKb: 0,
    wchan: p.state === 'R' ? '0' : 'do_epoll_wait',
    cgroups: ['/'],
    ...p,
  };
  return { ...full, tasks: p.tasks ?? [mainThread(full)] };
}

/**
 * The processes of fixtures/trees/process-exporter, as specified (PROCESS_EXPORTER_TREE
 * adds what a live kernel has): parents and children, threads with distinct names, users
 * that /etc/passwd has and has not.
 */
export const PROCESS_EXPORTER_SPECS: readonly SyntheticProcess[] = [
  // init: matches nothing, the root of the tree.
  {
    pid: 1,
    comm: 'systemd',
    ppid: 0,
    exe: '/usr/lib/systemd/systemd',
    argv: ['/sbin/init', 'splash'],
    utime: 300,
    stime: 200,
    starttime: 5,
    vsizeBytes: 23_000_000,
    rssPages: 3000,
    fds: 10,
    fdLimit: 524288,
  },
  // A kernel thread: no exe, empty cmdline, no io.
  { pid: 2, comm: 'kthreadd', ppid: 0, starttime: 8, fdLimit: 1024, pssKb: 0, wchan: 'kthreadd' },
  // nginx: a master run by root and two workers run by nobody (65534), one with an aio thread.
  {
    pid: 100,
    comm: 'nginx',
    exe: '/usr/sbin/nginx',
    argv: ['nginx: master process /usr/sbin/nginx'],
    utime: 150,
    stime: 50,
    starttime: 2000,
    vsizeBytes: 10_485_760,
    rssPages: 500,
    voluntary: 40,
    nonvoluntary: 3,
    minflt: 900,
    majflt: 12,
    io: { read: 1_048_576, write: 4096 },
    fds: 6,
    fdLimit: 1024,
    wchan: 'sigsuspend',
  },
  {
    pid: 101,
    comm: 'nginx',
    ppid: 100,
    uid: 65534,
    exe: '/usr/sbin/nginx',
    argv: ['nginx: worker process'],
    utime: 1200,
    stime: 300,
    starttime: 2050,
    vsizeBytes: 11_534_336,
    rssPages: 900,
    swapKb: 128,
    swapPssKb: 100,
    minflt: 5000,
    majflt: 3,
    io: { read: 0, write: 65536 },
    fds: 20,
    fdLimit: 64,
    tasks: [
      {
        tid: 101,
        utime: 1000,
        stime: 250,
        minflt: 4800,
        majflt: 3,
        voluntary: 5000,
        nonvoluntary: 120,
        io: { read: 0, write: 60000 },
        wchan: 'do_epoll_wait',
      },
      {
        tid: 110,
        comm: 'nginx-aio',
        utime: 200,
        stime: 50,
        minflt: 200,
        voluntary: 70,
        nonvoluntary: 9,
        io: { read: 0, write: 5536 },
        wchan: 'futex_wait_queue',
      },
    ],
  },
  {
    pid: 102,
    comm: 'nginx',
    ppid: 100,
    uid: 65534,
    state: 'R',
    exe: '/usr/sbin/nginx',
    argv: ['nginx: worker process'],
    utime: 1100,
    stime: 280,
    starttime: 2050,
    vsizeBytes: 11_534_336,
    rssPages: 880,
    voluntary: 4800,
    nonvoluntary: 110,
    minflt: 4700,
    io: { read: 0, write: 61440 },
    fds: 19,
    fdLimit: 1024,
  },
  // A shell nginx started, and its child: no group of their own, nginx's through their parent.
  {
    pid: 150,
    comm: 'sh',
    ppid: 100,
    exe: '/usr/bin/dash',
    argv: ['/bin/sh', '-c', 'logrotate'],
    utime: 2,
    stime: 1,
    starttime: 9000,
    rssPages: 100,
    fds: 3,
  },
  {
    pid: 151,
    comm: 'logrotate',
    ppid: 150,
    exe: '/usr/sbin/logrotate',
    argv: ['logrotate', '/etc/logrotate.conf'],
    utime: 30,
    stime: 10,
    starttime: 9001,
    rssPages: 300,
    fds: 4,
    io: { read: 4096, write: 8192 },
  },
  // Python services: grouped by the script a cmdline capture names, and the user; a thread pool with its own names.
  {
    pid: 200,
    comm: 'python3',
    uid: 65534,
    exe: '/usr/bin/python3.12',
    argv: ['/usr/bin/python3', '/srv/app/worker.py', '--queue', 'high'],
    utime: 500,
    stime: 20,
    starttime: 5000,
    vsizeBytes: 300_000_000,
    rssPages: 10_000,
    minflt: 20_000,
    majflt: 40,
    io: { read: 8192, write: 0 },
    fds: 9,
    fdLimit: 4096,
    tasks: [
      { tid: 200, utime: 300, stime: 10, minflt: 19_000, majflt: 40, voluntary: 100, nonvoluntary: 7, io: { read: 8192, write: 0 } },
      {
        tid: 205,
        comm: 'ThreadPoolExec',
        state: 'R',
        utime: 90,
        stime: 5,
        minflt: 500,
        voluntary: 10,
        nonvoluntary: 2,
        io: { read: 0, write: 0 },
        wchan: '0',
      },
      {
        tid: 206,
        comm: 'ThreadPoolExec',
        utime: 80,
        stime: 4,
        minflt: 400,
        voluntary: 12,
        nonvoluntary: 3,
        io: { read: 0, write: 0 },
        wchan: 'futex_wait_queue',
      },
      {
        tid: 207,
        comm: 'asyncio_0',
        state: 'D',
        utime: 30,
        stime: 1,
        minflt: 100,
        voluntary: 5,
        nonvoluntary: 1,
        io: { read: 0, write: 0 },
        wchan: 'io_schedule',
      },
    ],
  },
  {
    pid: 201,
    comm: 'python3',
    uid: 4242,
    exe: '/usr/bin/python3.12',
    argv: ['/usr/bin/python3', '/srv/app/web.py'],
    utime: 42,
    stime: 8,
    starttime: 6000,
    vsizeBytes: 200_000_000,
    rssPages: 6000,
    voluntary: 30,
    nonvoluntary: 1,
    io: { read: 0, write: 0 },
    fds: 12,
  },
  // postgres: a master, a zombie child (empty cmdline) and a checkpointer whose argv[0] is its title; no io for the master.
  {
    pid: 300,
    comm: 'postgres',
    exe: '/usr/lib/postgresql/16/bin/postgres',
    argv: ['/usr/lib/postgresql/16/bin/postgres', '-D', '/var/lib/postgresql/16/main'],
    utime: 900,
    stime: 400,
    starttime: 1500,
    vsizeBytes: 220_000_000,
    rssPages: 7000,
    voluntary: 900,
    nonvoluntary: 40,
    fds: 11,
    majflt: 7,
  },
  {
    pid: 301,
    comm: 'postgres',
    ppid: 300,
    state: 'Z',
    exe: '/usr/lib/postgresql/16/bin/postgres',
    argv: [],
    utime: 3,
    stime: 1,
    starttime: 1600,
    voluntary: 2,
    nonvoluntary: 0,
    pssKb: 0,
    wchan: '0',
  },
  {
    pid: 302,
    comm: 'postgres',
    ppid: 300,
    state: 'D',
    exe: '/usr/lib/postgresql/16/bin/postgres',
    argv: ['postgres: checkpointer'],
    utime: 60,
    stime: 90,
    starttime: 1550,
    vsizeBytes: 220_000_000,
    rssPages: 1500,
    voluntary: 300,
    nonvoluntary: 2,
    io: { read: 0, write: 33_554_432 },
    fds: 5,
  },
  // java with -jar: exe by full path and a cmdline capture.
  {
    pid: 500,
    comm: 'java',
    exe: '/usr/lib/jvm/java-17/bin/java',
    argv: ['/usr/bin/java', '-Xmx1g', '-jar', '/opt/app/billing.jar'],
    utime: 7000,
    stime: 600,
    starttime: 3500,
    vsizeBytes: 4_000_000_000,
    rssPages: 100_000,
    fds: 15,
    fdLimit: 'unlimited',
    io: { read: 10_000_000, write: 2_000_000 },
    cgroups: ['/system.slice/billing.service'],
  },
  // Batch workers named by pid (the cardinality case).
  {
    pid: 600,
    comm: 'worker',
    ppid: 1,
    exe: '/opt/batch/worker',
    argv: ['/opt/batch/worker', '--job', '17'],
    utime: 50,
    stime: 5,
    starttime: 8000,
    rssPages: 200,
    fds: 3,
  },
  {
    pid: 601,
    comm: 'worker',
    ppid: 1,
    exe: '/opt/batch/worker',
    argv: ['/opt/batch/worker', '--job', '18'],
    utime: 70,
    stime: 6,
    starttime: 8100,
    rssPages: 210,
    fds: 3,
  },
  // A login shell and its child: no group, no grouped parent.
  {
    pid: 400,
    comm: 'bash',
    exe: '/usr/bin/bash',
    argv: ['-bash'],
    utime: 10,
    stime: 5,
    starttime: 3000,
    vsizeBytes: 9_000_000,
    rssPages: 1000,
    fds: 4,
  },
  { pid: 401, comm: 'sleep', ppid: 400, exe: '/usr/bin/sleep', argv: ['sleep', '1000'], starttime: 3100, rssPages: 50, fds: 3 },
];

/** fixtures/trees/process-exporter: every file process-exporter 0.7.10 reads (it skips a process without `limits`). */
export const PROCESS_EXPORTER_TREE: readonly SyntheticProcess[] = PROCESS_EXPORTER_SPECS.map(asLiveProcess);

export function writeTree(root: string, processes: readonly SyntheticProcess[] = PROCESS_GROUPS_TREE, btime = TREE_BTIME): void {
  writeRootStat(root, btime);
  for (const p of processes) writeProcess(root, p);
}

const TREES: Record<string, readonly SyntheticProcess[]> = {
  'process-groups': PROCESS_GROUPS_TREE,
  'process-exporter': PROCESS_EXPORTER_TREE,
};

if (require.main === module) {
  const [dir, name = 'process-groups'] = process.argv.slice(2);
  if (!dir || fs.existsSync(dir) || !(name in TREES))
    throw new Error(`usage: npx tsx test/support/process-tree.ts <new directory> [${Object.keys(TREES).join('|')}]`);
  writeTree(dir, TREES[name]);
}
