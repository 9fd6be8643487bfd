/**
 * process-exporter's place taken, checked against the real thing: Debian's
 * process-exporter (prometheus-process-exporter, 0.7.10; .ci/run installs it)
 * and this exporter's process groups read the same fixture procfs tree
 * (fixtures/trees/process-exporter, copied) with the same config file
 * (`-config.path` / `--config.process-exporter`), and every series must agree
 * — name, labels, value, type and help — except for the differences listed
 * below, each with its reason. Twice: on the tree as it is, and after a walk
 * in which processes gain CPU, io, faults and switches, exit, are born as
 * children of a group's members, change their name, reuse a pid, and a
 * thread is born; process-exporter counts from its first walk, so the second
 * round is where the counters are compared.
 */
import { expect } from 'chai';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { filesystems } from '../../src/collector';
import { serializeFamilies } from '../../src/exporter/exposition';
import { runCollector, type ScheduledCollector } from '../../src/exporter/scheduler';
import { parseTextFormat } from '../../src/exporter/textformat';
import { ProcFs } from '../../src/procfs';
import { projectRoot } from '../support/fixtures';
import { asLiveProcess, PROCESS_EXPORTER_SPECS, writeProcess, writeRootStat, type SyntheticProcess } from '../support/process-tree';
import { requireTool } from '../support/tools';
import { freePort, get, loadConfig } from './helpers';

const TREE = path.join(projectRoot, 'fixtures', 'trees', 'process-exporter');
const CONFIG = path.join(projectRoot, 'test', 'exporter', 'golden', 'process-exporter.yml');

interface Difference {
  reason: string;
  /** Where the series is: only theirs, only ours, or both with other values. */
  side: 'process-exporter' | 'ours' | 'value';
  matches: (name: string, labels: Record<string, string>) => boolean;
}

/** Where process-exporter 0.7.10 and this exporter differ on purpose (README: Coming from process-exporter). */
const EXPECTED_DIFFERENCES: Difference[] = [
  {
    side: 'process-exporter',
    reason:
      'a group whose processes have all gone: process-exporter gives year 1 (-62135596800) as its oldest start time; we give no sample',
    matches: (name) => name === 'namedprocess_namegroup_oldest_start_time_seconds',
  },
  {
    side: 'ours',
    reason:
      'a thread name whose threads have all exited: process-exporter drops its series (they restart from 0 if it comes back); ' +
      'we keep them, thread_count 0',
    matches: (name, labels) => labels.threadname === 'asyncio_0',
  },
  {
    side: 'value',
    reason:
      "a process whose thread exited: process-exporter's context switches are the live threads' sum, which drops, " +
      'and the uint64 difference wraps around to about 1.8e19; ours keep what the exited thread counted',
    matches: (name, labels) => name === 'namedprocess_namegroup_context_switches_total' && labels.groupname === 'py:worker:nobody',
  },
];

/** Per-program meta series. */
function ignored(name: string): boolean {
  return /^(go_|process_|promhttp_)/.test(name);
}

interface Series {
  value: number;
  type: string;
  help?: string;
}

function seriesOf(exposition: string): Map<string, Series> {
  const out = new Map<string, Series>();
  for (const family of parseTextFormat(exposition)) {
    if (ignored(family.name)) continue;
    for (const sample of family.samples) {
      const labels = Object.keys(sample.labels)
        .sort()
        .map((k) => `${k}=${JSON.stringify(sample.labels[k])}`)
        .join(',');
      out.set(`${sample.name}{${labels}}`, { value: sample.value, type: family.type, help: family.help });
    }
  }
  return out;
}

function parseKey(key: string): { name: string; labels: Record<string, string> } {
  const brace = key.indexOf('{');
  const labels: Record<string, string> = {};
  for (const m of key.slice(brace + 1, -1).matchAll(/(\w+)=("(?:[^"\\]|\\.)*")/g)) labels[m[1]] = JSON.parse(m[2]) as string;
  return { name: key.slice(0, brace), labels };
}

/** Every series of both sides agrees, or is an expected difference; returns the reasons that applied. */
function compare(theirs: Map<string, Series>, ours: Map<string, Series>, round: string): Set<string> {
  const unexplained: string[] = [];
  const explained = new Set<string>();
  const explain = (key: string, side: Difference['side']): boolean => {
    const { name, labels } = parseKey(key);
    const difference = EXPECTED_DIFFERENCES.find((d) => d.side === side && d.matches(name, labels));
    if (difference) explained.add(difference.reason);
    return difference !== undefined;
  };
  for (const key of theirs.keys())
    if (!ours.has(key) && !explain(key, 'process-exporter')) unexplained.push(`only in process-exporter: ${key}`);
  for (const key of ours.keys()) if (!theirs.has(key) && !explain(key, 'ours')) unexplained.push(`only in ours: ${key}`);
  for (const [key, mine] of ours) {
    const other = theirs.get(key);
    if (!other) continue;
    if (mine.type !== other.type) unexplained.push(`${key}: type ${mine.type}, process-exporter ${other.type}`);
    if (mine.help !== other.help)
      unexplained.push(`${key}: help ${JSON.stringify(mine.help)}, process-exporter ${JSON.stringify(other.help)}`);
    const same = mine.value === other.value || Math.abs(mine.value - other.value) <= 1e-12 * Math.abs(other.value);
    if (!same && !explain(key, 'value')) unexplained.push(`${key}: ${mine.value}, process-exporter ${other.value}`);
  }
  expect(unexplained, `${round}: series that disagree`).to.deep.equal([]);
  return explained;
}

async function waitForRoot(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`process-exporter exited: ${log()}`);
    try {
      // The root page answers without a walk (a GET of /metrics walks).
      if ((await get(`http://127.0.0.1:${port}/`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`process-exporter did not answer: ${log()}`);
}

const spec = (pid: number): SyntheticProcess => PROCESS_EXPORTER_SPECS.find((p) => p.pid === pid)!;

/** Rewrites one process directory of the copy (or removes it). */
function rewrite(root: string, p: SyntheticProcess | number): void {
  const pid = typeof p === 'number' ? p : p.pid;
  fs.rmSync(path.join(root, String(pid)), { recursive: true, force: true });
  if (typeof p !== 'number') writeProcess(root, asLiveProcess(p));
}

describe('in place of process-exporter (the real 0.7.10 on the same procfs tree and config file)', function () {
  this.timeout(60_000);

  it('agrees series for series, on the tree as it is and after processes work, exit, are born and are renamed', async function () {
    const binary = requireTool(this, 'prometheus-process-exporter');
    const version = spawnSync(binary, ['-version'], { encoding: 'utf8' });
    expect(`${version.stdout}${version.stderr}`).to.match(/0\.7\.10/);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pe-compat-'));
    fs.cpSync(TREE, root, { recursive: true, verbatimSymlinks: true });
    // Boot a day ago: the tree's start times are in the past, and a process can start after the first walk.
    const btime = Math.floor(Date.now() / 1000) - 86_400;
    writeRootStat(root, btime);
    const port = await freePort();
    const child = spawn(binary, ['-procfs', root, '-config.path', CONFIG, '-web.listen-address', `127.0.0.1:${port}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      await waitForRoot(port, child, () => log);
      // Ours: the process_groups collector --config.process-exporter makes, with the host's passwd as process-exporter's.
      const settings = loadConfig(['--config', '/dev/null', '--config.process-exporter', CONFIG, '--path.procfs', root]).collectors.find(
        (c) => c.name === 'process_groups',
      )!;
      const collector: ScheduledCollector = {
        definition: settings.definition,
        options: settings.options,
        intervalMs: 5000,
        timeoutMs: 30_000,
      };
      const trees = filesystems(new ProcFs(root), new ProcFs(root), new ProcFs('/'));
      const walk = async (): Promise<Map<string, Series>> => {
        const run = await runCollector(collector, trees, { pageSize: 4096 }).result;
        expect(run.error).to.equal(undefined);
        return seriesOf(serializeFamilies(run.families, 'text'));
      };
      const scrape = async (): Promise<Map<string, Series>> => seriesOf((await get(`http://127.0.0.1:${port}/metrics`)).body);

      // process-exporter walked when it started; ours does the same walk, then both walk again.
      await walk();
      const first = compare(await scrape(), await walk(), 'the tree as it is');
      expect([...first]).to.deep.equal([]);

      const sinceBoot = (seconds: number): number => Math.round((Date.now() / 1000 - btime + seconds) * 100);
      const nginx = spec(100);
      rewrite(root, { ...nginx, utime: 250, stime: 60, majflt: 14, minflt: 950, voluntary: 52, io: { read: 1_052_672, write: 4096 } });
      const worker = spec(101);
      const [main, aio] = worker.tasks!;
      rewrite(root, {
        ...worker,
        utime: 1240,
        minflt: 5015,
        io: { read: 0, write: 66536 },
        tasks: [
          { ...main, utime: 1030, voluntary: 5020 },
          { ...aio, utime: 210, nonvoluntary: 12, io: { read: 0, write: 6536 } },
        ],
      });
      rewrite(root, { ...spec(102), comm: 'nginx-old', utime: 1105 }); // a tracked process renamed stays in its group
      rewrite(root, 150); // sh exits; logrotate is re-parented to init and stays nginx's
      rewrite(root, { ...spec(151), ppid: 1, utime: 40 });
      // Born in this walk: sort (no group: its parent's, nginx) and its child gzip (its own group, exe: [gzip], named {{.ExeBase}}).
      rewrite(root, {
        pid: 152,
        comm: 'sort',
        ppid: 151,
        exe: '/usr/bin/sort',
        argv: ['sort'],
        utime: 20,
        starttime: 9500,
        rssPages: 50,
        fds: 3,
      });
      rewrite(root, {
        pid: 153,
        comm: 'gzip',
        ppid: 152,
        exe: '/usr/bin/gzip',
        argv: ['/usr/bin/gzip', '-9'],
        utime: 7,
        starttime: 9600,
        rssPages: 40,
        fds: 3,
      });
      const python = spec(200);
      rewrite(root, {
        ...python,
        utime: 560,
        threads: 4,
        tasks: [
          // 205 works; 207 (asyncio_0) exits.
          ...python.tasks!.filter((t) => t.tid !== 207).map((t) => (t.tid === 205 ? { ...t, utime: 140 } : t)),
          {
            tid: 208,
            comm: 'ThreadPoolExec',
            utime: 5,
            voluntary: 4,
            starttime: 9700,
            io: { read: 0, write: 0 },
            wchan: 'futex_wait_queue',
          },
        ],
      });
      rewrite(root, 302); // a postgres member exits: its counts stay
      rewrite(root, { ...spec(600), utime: 3, stime: 0, starttime: 9800 }); // pid 600 reused: another process, the same group name
      rewrite(root, 601); // worker:601 has no process left
      rewrite(root, { ...spec(401), comm: 'nginx', argv: ['nginx'] }); // ignored, renamed: still ignored (no -recheck)
      // Started after the first walk (5 s from now).
      rewrite(root, {
        pid: 602,
        comm: 'worker',
        ppid: 1,
        exe: '/opt/batch/worker',
        argv: ['/opt/batch/worker', '--job', '19'],
        utime: 40,
        starttime: sinceBoot(5),
        rssPages: 220,
        fds: 3,
      });
      rewrite(root, { ...spec(500), utime: 8000, io: { read: 11_000_000, write: 2_000_000 } });

      const theirs = await scrape();
      const ours = await walk();
      const second = compare(theirs, ours, 'after a walk of changes');
      expect([...second].sort()).to.deep.equal(EXPECTED_DIFFERENCES.map((d) => d.reason).sort());
      // The comparison saw the changes: counters moved, members came and went.
      const at = (key: string): number | undefined => ours.get(key)?.value;
      expect(at('namedprocess_namegroup_cpu_seconds_total{groupname="nginx",mode="user"}')).to.be.closeTo(1.55, 1e-9);
      expect(at('namedprocess_namegroup_num_procs{groupname="nginx"}')).to.equal(5);
      expect(at('namedprocess_namegroup_num_procs{groupname="gzip"}')).to.equal(1);
      expect(at('namedprocess_namegroup_num_procs{groupname="worker:601"}')).to.equal(0);
      expect(at('namedprocess_namegroup_thread_count{groupname="py:worker:nobody",threadname="ThreadPoolExec"}')).to.equal(3);
      // The new thread's 4 switches; the exited thread's 5 stay counted.
      expect(at('namedprocess_namegroup_context_switches_total{ctxswitchtype="voluntary",groupname="py:worker:nobody"}')).to.equal(4);
      expect(at('namedprocess_namegroup_thread_count{groupname="py:worker:nobody",threadname="asyncio_0"}')).to.equal(0);
      // Both count a process that started after the first walk from its start (0.4 s), one that was running from the first walk.
      const w602 = 'namedprocess_namegroup_cpu_seconds_total{groupname="worker:602",mode="user"}';
      expect([at(w602), theirs.get(w602)?.value]).to.deep.equal([0.4, 0.4]);
      expect(ours.size).to.be.greaterThan(200);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
