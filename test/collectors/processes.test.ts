import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { processes } from '../../collectors/processes';
import { collect, filesystems, MissingFileError } from '../../src/collector';
import { ProcFs } from '../../src/procfs';
import { run, series } from './run';

/** A /proc/<pid>/stat line (Linux 6.x layout) with the given state and num_threads. */
function statLine(pid: number, comm: string, state: string, threads: number): string {
  const after = [
    state,
    '1',
    String(pid),
    String(pid),
    '0',
    '-1',
    '4194560',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '20',
    '0',
    String(threads),
    '0',
    '100',
  ];
  return `${pid} (${comm}) ${[...after, ...Array<string>(32).fill('0')].join(' ')}\n`;
}

interface Proc {
  pid: number;
  state: string;
  /** Threads other than the main one: tid → state. Absent: no task directory. */
  threads?: Record<number, string>;
}

function makeTree(procs: readonly Proc[], sys = true): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'processes-'));
  for (const p of procs) {
    const dir = path.join(root, String(p.pid));
    fs.mkdirSync(dir);
    const count = 1 + Object.keys(p.threads ?? {}).length;
    fs.writeFileSync(path.join(dir, 'stat'), statLine(p.pid, `p${p.pid}`, p.state, count));
    if (p.threads) {
      // The main thread's own stat says S: node_exporter counts it with the process's state instead.
      const tids: [number, string][] = [[p.pid, 'S'], ...Object.entries(p.threads).map(([t, s]): [number, string] => [Number(t), s])];
      for (const [tid, state] of tids) {
        fs.mkdirSync(path.join(dir, 'task', String(tid)), { recursive: true });
        fs.writeFileSync(path.join(dir, 'task', String(tid), 'stat'), statLine(tid, `p${p.pid}`, state, count));
      }
    }
  }
  if (sys) {
    fs.mkdirSync(path.join(root, 'sys', 'kernel'), { recursive: true });
    fs.writeFileSync(path.join(root, 'sys', 'kernel', 'pid_max'), '4194304\n');
    fs.writeFileSync(path.join(root, 'sys', 'kernel', 'threads-max'), '62752\n');
  }
  return root;
}

const PROCS: Proc[] = [
  { pid: 1, state: 'S', threads: {} },
  { pid: 100, state: 'R', threads: { 101: 'R', 102: 'D' } },
  { pid: 200, state: 'S', threads: { 201: 'S' } },
  { pid: 300, state: 'Z' }, // no task directory
];

/** A procfs where chosen pids exit after listing (their reads fail, their directory is gone). */
class VanishingProcFs extends ProcFs {
  constructor(
    root: string,
    private readonly gone: Set<string>,
    private readonly code = 'ENOENT',
  ) {
    super(root);
  }
  private vanished(relative: string): boolean {
    return this.gone.has(relative.split('/')[0]);
  }
  override readText(relative: string): string {
    if (this.vanished(relative)) throw Object.assign(new Error(`${this.code}: simulated`), { code: this.code });
    return super.readText(relative);
  }
  override exists(relative: string): boolean {
    return this.vanished(relative) ? false : super.exists(relative);
  }
  override list(relative: string): string[] {
    return this.vanished(relative) ? [] : super.list(relative);
  }
}

describe('processes collector', () => {
  const roots: string[] = [];
  const tree = (procs: readonly Proc[], sys = true): string => {
    const root = makeTree(procs, sys);
    roots.push(root);
    return root;
  };
  after(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  it('counts processes, threads and their states, and reads the limits', async () => {
    const s = series(await run(processes, tree(PROCS)));
    expect(s).to.deep.equal({
      node_processes_max_processes: 4194304,
      node_processes_max_threads: 62752,
      node_processes_pids: 4,
      'node_processes_state{state="R"}': 1,
      'node_processes_state{state="S"}': 2,
      'node_processes_state{state="Z"}': 1,
      // num_threads summed: 1 + 3 + 2 + 1.
      node_processes_threads: 7,
      // Main threads with their process's state (1: S, 100: R, 200: S); 101 R, 102 D, 201 S; 300 has no task directory.
      'node_processes_threads_state{thread_state="D"}': 1,
      'node_processes_threads_state{thread_state="R"}': 2,
      'node_processes_threads_state{thread_state="S"}': 3,
    });
  });

  it('skips a process that exits during the walk (ENOENT or ESRCH), as node_exporter does', async () => {
    const root = tree(PROCS);
    for (const code of ['ENOENT', 'ESRCH']) {
      const s = series(await collect(processes, filesystems(new VanishingProcFs(root, new Set(['100']), code)), {}, { pageSize: 4096 }));
      expect(s['node_processes_pids'], code).to.equal(3);
      expect(s['node_processes_threads'], code).to.equal(4);
      expect(s['node_processes_state{state="R"}'], code).to.equal(undefined);
      expect(s['node_processes_threads_state{thread_state="D"}'], code).to.equal(undefined);
    }
  });

  it('fails the run on a stat file it cannot parse, as node_exporter does', async () => {
    const root = tree(PROCS);
    fs.writeFileSync(path.join(root, '200', 'stat'), '200 (broken) S x\n');
    let error: unknown;
    await run(processes, root).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/error reading stat for pid 200/);
  });

  it('fails as "file not present" without /proc/sys/kernel/pid_max or threads-max', async () => {
    let error: unknown;
    await run(processes, tree(PROCS, false)).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(MissingFileError);
  });
});
