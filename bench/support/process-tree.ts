/**
 * Synthetic process directories for the process-group tests and benchmark
 * (test/support/process-tree.ts, bench/process-groups.ts): stat, status, io,
 * cmdline, an `exe` link and an `fd/` folder per process, in the formats of
 * this machine's files (Linux 6.18; the originals are
 * fixtures/trees/processes/15879/*), with the numbers a spec gives.
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
