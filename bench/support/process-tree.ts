/**
 * Synthetic process directories for the process-group tests and benchmark
 * (test/support/process-tree.ts, bench/process-groups.ts): stat, status, io,
 * cmdline, an `exe` link and an `fd/` folder per process, and when the spec
 * gives them `limits`, `smaps_rollup`, `wchan`, `cgroup` and the threads under
 * `task/<tid>/`, in the formats of this machine's files (Linux 6.18; the
 * originals are fixtures/trees/processes/15879/* and fixtures/proc/4242/*),
 * with the numbers a spec gives.
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
  /** stat's minflt (default 2905) and majflt (default 0). */
  minflt?: number;
  majflt?: number;
  /** The four ids of status's Uid line (default 0). */
  uid?: number;
  /** `Max open files` soft limit; absent: no limits file. */
  fdLimit?: number | 'unlimited';
  /** smaps_rollup's Pss and SwapPss in kB; absent: no smaps_rollup file. */
  pssKb?: number;
  swapPssKb?: number;
  /** The wchan file's text ("0" for a running task); absent: no wchan file. */
  wchan?: string;
  /** cgroup paths (`0::<path>` lines); absent: no cgroup file. */
  cgroups?: readonly string[];
  /** The threads, under task/<tid>/ (the first is the main thread, tid = pid); absent: no task/ folder. */
  tasks?: readonly SyntheticThread[];
}

/** One thread: task/<tid>/{stat,status,io,cmdline,wchan}; what it does not give comes from its process. */
export interface SyntheticThread {
  tid: number;
  comm?: string;
  state?: string;
  utime?: number;
  stime?: number;
  minflt?: number;
  majflt?: number;
  voluntary?: number;
  nonvoluntary?: number;
  starttime?: number;
  io?: { read: number; write: number };
  wchan?: string;
}

export function statLine(p: SyntheticProcess): string {
  const f = [
    p.pid,
    `(${p.comm})`,
    p.state ?? 'S',
    p.ppid ?? 1,
    p.pid,
    p.pid,
    0,
    -1,
    4194304,
    p.minflt ?? 2905,
    0,
    p.majflt ?? 0,
    0,
    p.utime ?? 0,
    p.stime ?? 0,
    0,
    0,
    20,
    0,
    p.threads ?? p.tasks?.length ?? 1,
    0,
    p.starttime ?? 1000,
    p.vsizeBytes ?? 0,
    p.rssPages ?? 0,
    '18446744073709551615',
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    16781318,
    0,
    0,
    0,
    0,
    17,
    1,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
  ];
  return `${f.join(' ')}\n`;
}

export function statusText(p: SyntheticProcess): string {
  const state =
    { R: 'R (running)', S: 'S (sleeping)', D: 'D (disk sleep)', Z: 'Z (zombie)', I: 'I (idle)', T: 'T (stopped)' }[p.state ?? 'S'] ??
    'S (sleeping)';
  const kb = (n: number): string => `${String(n).padStart(8)} kB`;
  const uid = p.uid ?? 0;
  return [
    `Name:\t${p.comm}`,
    'Umask:\t0022',
    `State:\t${state}`,
    `Tgid:\t${p.pid}`,
    'Ngid:\t0',
    `Pid:\t${p.pid}`,
    `PPid:\t${p.ppid ?? 1}`,
    'TracerPid:\t0',
    `Uid:\t${uid}\t${uid}\t${uid}\t${uid}`,
    'Gid:\t0\t0\t0\t0',
    'FDSize:\t64',
    'Groups:\t ',
    `Kthread:\t${p.exe === undefined ? 1 : 0}`,
    `VmSize:\t${kb(Math.round((p.vsizeBytes ?? 0) / 1024))}`,
    `VmRSS:\t${kb((p.rssPages ?? 0) * 4)}`,
    `VmSwap:\t${kb(p.swapKb ?? 0)}`,
    `Threads:\t${p.threads ?? p.tasks?.length ?? 1}`,
    'SigQ:\t0/96364',
    'Cpus_allowed_list:\t0-1',
    `voluntary_ctxt_switches:\t${p.voluntary ?? 0}`,
    `nonvoluntary_ctxt_switches:\t${p.nonvoluntary ?? 0}`,
    '',
  ].join('\n');
}

function ioText(io: { read: number; write: number }): string {
  return (
    `rchar: ${io.read + 4096}\nwchar: ${io.write + 512}\nsyscr: 10\nsyscw: 5\n` +
    `read_bytes: ${io.read}\nwrite_bytes: ${io.write}\ncancelled_write_bytes: 0\n`
  );
}

/** limits as the kernel prints it (fs/proc/base.c lnames, padded columns), with the given open files soft limit. */
export function limitsText(openFilesSoft: number | 'unlimited'): string {
  const row = (name: string, soft: string | number, hard: string | number, units: string): string =>
    `${name.padEnd(26)}${String(soft).padEnd(21)}${String(hard).padEnd(21)}${units.padEnd(10)}\n`;
  return [
    row('Limit', 'Soft Limit', 'Hard Limit', 'Units'),
    row('Max cpu time', 'unlimited', 'unlimited', 'seconds'),
    row('Max processes', 96364, 96364, 'processes'),
    row('Max open files', openFilesSoft, 524288, 'files'),
    row('Max nice priority', 0, 0, ''),
  ].join('');
}

/** smaps_rollup with the given Pss and SwapPss (the other lines as fixtures/proc/4242's). */
export function smapsRollupText(pssKb: number, swapPssKb: number): string {
  const kb = (name: string, n: number): string => `${`${name}:`.padEnd(16)}${String(n).padStart(8)} kB\n`;
  return (
    '55f90bbfb000-7fff8e8cc000 ---p 00000000 00:00 0                          [rollup]\n' +
    kb('Rss', pssKb + 1024) +
    kb('Pss', pssKb) +
    kb('Pss_Anon', pssKb) +
    kb('Shared_Clean', 1024) +
    kb('Private_Dirty', pssKb) +
    kb('Anonymous', pssKb) +
    kb('Swap', swapPssKb) +
    kb('SwapPss', swapPssKb) +
    kb('Locked', 0)
  );
}

/** One thread's directory: the process's files with the thread's own numbers. */
function writeThread(dir: string, p: SyntheticProcess, t: SyntheticThread): void {
  fs.mkdirSync(dir, { recursive: true });
  const as: SyntheticProcess = {
    ...p,
    pid: t.tid,
    comm: t.comm ?? p.comm,
    state: t.state ?? p.state,
    utime: t.utime ?? 0,
    stime: t.stime ?? 0,
    minflt: t.minflt ?? 0,
    majflt: t.majflt ?? 0,
    voluntary: t.voluntary ?? 0,
    nonvoluntary: t.nonvoluntary ?? 0,
    starttime: t.starttime ?? p.starttime,
  };
  fs.writeFileSync(path.join(dir, 'stat'), statLine(as));
  fs.writeFileSync(path.join(dir, 'status'), statusText(as).replace(`Tgid:\t${t.tid}`, `Tgid:\t${p.pid}`));
  fs.writeFileSync(path.join(dir, 'cmdline'), (p.argv ?? []).map((a) => `${a}\0`).join(''));
  if (t.io) fs.writeFileSync(path.join(dir, 'io'), ioText(t.io));
  if (t.wchan !== undefined) fs.writeFileSync(path.join(dir, 'wchan'), t.wchan);
}

/** Writes one process directory under `root`. */
export function writeProcess(root: string, p: SyntheticProcess): void {
  const dir = path.join(root, String(p.pid));
  fs.mkdirSync(path.join(dir, 'fd'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'stat'), statLine(p));
  fs.writeFileSync(path.join(dir, 'status'), statusText(p));
  fs.writeFileSync(path.join(dir, 'cmdline'), (p.argv ?? []).map((a) => `${a}\0`).join(''));
  if (p.io) fs.writeFileSync(path.join(dir, 'io'), ioText(p.io));
  if (p.exe !== undefined) fs.symlinkSync(p.exe, path.join(dir, 'exe'));
  for (let i = 0; i < (p.fds ?? 0); i++) fs.writeFileSync(path.join(dir, 'fd', String(i)), '');
  if (p.fdLimit !== undefined) fs.writeFileSync(path.join(dir, 'limits'), limitsText(p.fdLimit));
  if (p.pssKb !== undefined) fs.writeFileSync(path.join(dir, 'smaps_rollup'), smapsRollupText(p.pssKb, p.swapPssKb ?? 0));
  if (p.wchan !== undefined) fs.writeFileSync(path.join(dir, 'wchan'), p.wchan);
  const cgroups = p.cgroups;
  if (cgroups !== undefined) {
    fs.writeFileSync(path.join(dir, 'cgroup'), cgroups.map((c, i) => `${cgroups.length - 1 - i}::${c}\n`).join(''));
  }
  for (const t of p.tasks ?? []) writeThread(path.join(dir, 'task', String(t.tid)), p, t);
}

/** The root `stat` file's btime line (the only line the process groups read). */
export function writeRootStat(root: string, btime: number): void {
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, 'stat'), `cpu  0 0 0 0 0 0 0 0 0 0\nbtime ${btime}\nprocesses 1000\nprocs_running 1\nprocs_blocked 0\n`);
}
