/**
 * Synthetic process directories for the process-group tests and benchmark:
 * stat, status, io, cmdline, an `exe` link and an `fd/` folder per process,
 * in the formats of this machine's files (Linux 6.18; the originals are
 * fixtures/trees/processes/15879/*), with the numbers a spec gives.
 * fixtures/trees/process-groups was written with it (see its README).
 */
import * as fs from 'fs';
import * as path from 'path';

export interface SyntheticProcess {
  pid: number;
  comm: string;
  /** R, S, D, Z, I, T… */
  state?: string;
  ppid?: number;
  /** Clock ticks (1/100 s). */
  utime?: number;
  stime?: number;
  threads?: number;
  /** Clock ticks since boot. */
  starttime?: number;
  vsizeBytes?: number;
  rssPages?: number;
  swapKb?: number;
  voluntary?: number;
  nonvoluntary?: number;
  /** Link target of `exe`; absent for a kernel thread. */
  exe?: string;
  argv?: readonly string[];
  /** read_bytes / write_bytes; absent: no io file. */
  io?: { read: number; write: number };
  /** Entries of fd/ (0, 1, 2, …). */
  fds?: number;
}

export function statLine(p: SyntheticProcess): string {
  const f = [
    p.pid, `(${p.comm})`, p.state ?? 'S', p.ppid ?? 1, p.pid, p.pid, 0, -1, 4194304, 2905, 0, 0, 0,
    p.utime ?? 0, p.stime ?? 0, 0, 0, 20, 0, p.threads ?? 1, 0, p.starttime ?? 1000, p.vsizeBytes ?? 0, p.rssPages ?? 0,
    '18446744073709551615', 0, 0, 0, 0, 0, 0, 0, 16781318, 0, 0, 0, 0, 17, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  ];
  return `${f.join(' ')}\n`;
}

export function statusText(p: SyntheticProcess): string {
  const state = { R: 'R (running)', S: 'S (sleeping)', D: 'D (disk sleep)', Z: 'Z (zombie)', I: 'I (idle)', T: 'T (stopped)' }[p.state ?? 'S'] ?? 'S (sleeping)';
  const kb = (n: number): string => `${String(n).padStart(8)} kB`;
  return [
    `Name:\t${p.comm}`, 'Umask:\t0022', `State:\t${state}`, `Tgid:\t${p.pid}`, 'Ngid:\t0', `Pid:\t${p.pid}`, `PPid:\t${p.ppid ?? 1}`, 'TracerPid:\t0',
    'Uid:\t0\t0\t0\t0', 'Gid:\t0\t0\t0\t0', 'FDSize:\t64', 'Groups:\t ', `Kthread:\t${p.exe === undefined ? 1 : 0}`,
    `VmSize:\t${kb(Math.round((p.vsizeBytes ?? 0) / 1024))}`, `VmRSS:\t${kb((p.rssPages ?? 0) * 4)}`, `VmSwap:\t${kb(p.swapKb ?? 0)}`,
    `Threads:\t${p.threads ?? 1}`, 'SigQ:\t0/96364', 'Cpus_allowed_list:\t0-1',
    `voluntary_ctxt_switches:\t${p.voluntary ?? 0}`, `nonvoluntary_ctxt_switches:\t${p.nonvoluntary ?? 0}`, '',
  ].join('\n');
}

/** Writes one process directory under `root`. */
export function writeProcess(root: string, p: SyntheticProcess): void {
  const dir = path.join(root, String(p.pid));
  fs.mkdirSync(path.join(dir, 'fd'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'stat'), statLine(p));
  fs.writeFileSync(path.join(dir, 'status'), statusText(p));
  fs.writeFileSync(path.join(dir, 'cmdline'), (p.argv ?? []).map((a) => `${a}\0`).join(''));
  if (p.io) {
    const io = `rchar: ${p.io.read + 4096}\nwchar: ${p.io.write + 512}\nsyscr: 10\nsyscw: 5\nread_bytes: ${p.io.read}\nwrite_bytes: ${p.io.write}\ncancelled_write_bytes: 0\n`;
    fs.writeFileSync(path.join(dir, 'io'), io);
  }
  if (p.exe !== undefined) fs.symlinkSync(p.exe, path.join(dir, 'exe'));
  for (let i = 0; i < (p.fds ?? 0); i++) fs.writeFileSync(path.join(dir, 'fd', String(i)), '');
}

/** The root `stat` file's btime line (the only line the process groups read). */
export function writeRootStat(root: string, btime: number): void {
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, 'stat'), `cpu  0 0 0 0 0 0 0 0 0 0\nbtime ${btime}\nprocesses 1000\nprocs_running 1\nprocs_blocked 0\n`);
}

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
