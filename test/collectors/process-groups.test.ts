/**
 * The process_groups collector on fixture process trees (fixtures/trees/process-exporter, copied
 * where a test changes it): matching and names, children, threads with distinct names, page faults,
 * fd ratios, proportional memory, wait channels, users from a rootfs passwd; process-exporter's
 * names and semantics; counters across walks (members exiting, before or during a walk, pids reused,
 * re-parenting, threads exiting and renamed, a stat that fails to parse for one walk); recheck;
 * removal of empty groups and the series cap.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { processGroupsCollector } from '../../collectors/process-groups';
import {
  collect,
  DEFAULT_PROCESS_GROUPS_SETTINGS,
  filesystems,
  type ProcessGroupSpec,
  type ProcessGroupsSettings,
} from '../../src/collector';
import { ProcFs } from '../../src/procfs';
import {
  asLiveProcess,
  PROCESS_EXPORTER_SPECS,
  statLine,
  writeProcess,
  writeRootStat,
  type SyntheticProcess,
} from '../support/process-tree';
import { series, TREES } from './run';

const TREE = path.join(TREES, 'process-exporter');
const ROOTFS = path.join(TREES, 'process-exporter-rootfs');
const BTIME = 1795651200;

/** The groups of test/exporter/golden/process-exporter.yml, as process_groups entries (Go regexes as they are). */
const GROUPS: ProcessGroupSpec[] = [
  { name: '{{.Comm}}', comm: ['nginx'] },
  { name: 'py:{{.Matches.script}}:{{.Username}}', cmdline: ['python3? \\S*/(?P<script>[^/ ]+)\\.py'] },
  { name: '{{.ExeBase}}', exe: ['postgres'] },
  { name: 'java:{{.Matches.jar}} {{.Cgroups}}', exe: ['/usr/bin/java'], cmdline: ['-jar\\s+(?P<jar>\\S+)'] },
  { name: 'worker:{{.PID}}', comm: ['worker'] },
];

type Walk = (root?: string) => Promise<Record<string, number>>;

/** A collector and a function that walks a tree with it (the same tracker every time: state is kept). */
function groups(
  settings: Partial<ProcessGroupsSettings> = {},
  specs: ProcessGroupSpec[] = GROUPS,
  procfs?: (root: string) => ProcFs,
): Walk {
  const definition = processGroupsCollector({ ...DEFAULT_PROCESS_GROUPS_SETTINGS, ...settings, groups: specs });
  const options = {};
  return async (root = TREE) => {
    const proc = procfs ? procfs(root) : new ProcFs(root);
    return series(await collect(definition, filesystems(proc, proc, new ProcFs(ROOTFS)), options, { pageSize: 4096 }));
  };
}

const spec = (pid: number): SyntheticProcess => PROCESS_EXPORTER_SPECS.find((p) => p.pid === pid)!;

/** A copy of the tree that a test changes. */
function copyTree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'process-groups-'));
  fs.cpSync(TREE, root, { recursive: true, verbatimSymlinks: true });
  return root;
}

/** Rewrites one process directory (or removes it, given a pid). */
function rewrite(root: string, p: SyntheticProcess | number): void {
  const pid = typeof p === 'number' ? p : p.pid;
  fs.rmSync(path.join(root, String(pid)), { recursive: true, force: true });
  if (typeof p !== 'number') writeProcess(root, asLiveProcess(p));
}

/** Every counter of `after` is at least what it was in `before`. */
function expectMonotonic(before: Record<string, number>, after: Record<string, number>): void {
  for (const [key, value] of Object.entries(before)) {
    if (!/_total\{/.test(key) || after[key] === undefined) continue;
    expect(after[key], key).to.be.at.least(value);
  }
}

describe('process groups on fixture process trees', () => {
  describe('our names (procfs_group_*): the processes own totals', () => {
    let s: Record<string, number>;
    before(async () => {
      s = await groups()();
    });

    it("puts each process in the first group that matches, or its parent's (children), and names the groups by their templates", () => {
      const names = Object.keys(s)
        .filter((k) => k.startsWith('procfs_group_num_procs{'))
        .map((k) => /groupname="([^"]*)"/.exec(k)![1]);
      expect(names.sort()).to.deep.equal([
        'java:/opt/app/billing.jar [/system.slice/billing.service]',
        'nginx',
        'postgres',
        'py:web:4242',
        'py:worker:nobody',
        'worker:600',
        'worker:601',
      ]);
      // nginx: the master, two workers, and sh and logrotate (children of the master that match nothing).
      expect(s['procfs_group_num_procs{groupname="nginx"}']).to.equal(5);
      // postgres: the master by argv[0]'s basename; the zombie (empty cmdline) and the checkpointer (argv[0] its title) as its children.
      expect(s['procfs_group_num_procs{groupname="postgres"}']).to.equal(3);
      expect(s['procfs_group_num_threads{groupname="nginx"}']).to.equal(6);
    });

    it('sums CPU, page faults, io and the context switches of every thread, with the fixture numbers', () => {
      expect(s['procfs_group_cpu_seconds_total{groupname="nginx",mode="user"}']).to.equal(24.82); // 150 + 1200 + 1100 + 2 + 30 ticks
      expect(s['procfs_group_cpu_seconds_total{groupname="nginx",mode="system"}']).to.equal(6.41);
      expect(s['procfs_group_minor_page_faults_total{groupname="nginx"}']).to.equal(900 + 5000 + 4700 + 2905 + 2905);
      expect(s['procfs_group_major_page_faults_total{groupname="nginx"}']).to.equal(15);
      // 101 has two threads: its switches are theirs (5000 + 70), not status's (the main thread's).
      expect(s['procfs_group_context_switches_total{ctxswitchtype="voluntary",groupname="nginx"}']).to.equal(40 + 5070 + 4800);
      expect(s['procfs_group_context_switches_total{ctxswitchtype="nonvoluntary",groupname="nginx"}']).to.equal(3 + 129 + 110);
      expect(s['procfs_group_io_read_bytes_total{groupname="nginx"}']).to.equal(1_048_576 + 4096);
      // postgres: 300 and 301 have no io; 302 has.
      expect(s['procfs_group_io_write_bytes_total{groupname="postgres"}']).to.equal(33_554_432);
    });

    it('gives memory (proportional from smaps_rollup), fds and the worst fd ratio, states per process, wait channels', () => {
      expect(s['procfs_group_memory_bytes{groupname="nginx",memtype="resident"}']).to.equal((500 + 900 + 880 + 100 + 300) * 4096);
      expect(s['procfs_group_memory_bytes{groupname="nginx",memtype="proportionalResident"}']).to.equal(
        (1500 + 2700 + 2640 + 300 + 900) * 1024,
      );
      expect(s['procfs_group_memory_bytes{groupname="nginx",memtype="proportionalSwapped"}']).to.equal(100 * 1024);
      expect(s['procfs_group_memory_bytes{groupname="nginx",memtype="swapped"}']).to.equal(128 * 1024);
      expect(s['procfs_group_open_fds{groupname="nginx"}']).to.equal(6 + 20 + 19 + 3 + 4);
      expect(s['procfs_group_worst_fd_ratio{groupname="nginx"}']).to.equal(20 / 64);
      // An unlimited soft limit is the largest uint64, as process-exporter (Go's procfs) takes it.
      expect(s['procfs_group_worst_fd_ratio{groupname="java:/opt/app/billing.jar [/system.slice/billing.service]"}']).to.equal(
        15 / 18446744073709551615,
      );
      expect(s['procfs_group_states{groupname="nginx",state="Sleeping"}']).to.equal(4);
      expect(s['procfs_group_states{groupname="nginx",state="Running"}']).to.equal(1);
      expect(s['procfs_group_states{groupname="postgres",state="Zombie"}']).to.equal(1);
      expect(s['procfs_group_threads_wchan{groupname="nginx",wchan="do_epoll_wait"}']).to.equal(4);
      expect(s['procfs_group_threads_wchan{groupname="nginx",wchan="futex_wait_queue"}']).to.equal(1);
      expect(s['procfs_group_threads_wchan{groupname="nginx",wchan="sigsuspend"}']).to.equal(1);
      expect(s['procfs_group_oldest_start_time_seconds{groupname="nginx"}']).to.equal(BTIME + 20);
    });

    it('breaks multi-threaded processes down by thread name', () => {
      expect(s['procfs_group_thread_count{groupname="nginx",threadname="nginx"}']).to.equal(1);
      expect(s['procfs_group_thread_count{groupname="nginx",threadname="nginx-aio"}']).to.equal(1);
      expect(s['procfs_group_thread_cpu_seconds_total{groupname="nginx",mode="user",threadname="nginx-aio"}']).to.equal(2);
      expect(s['procfs_group_thread_io_bytes_total{groupname="nginx",iomode="write",threadname="nginx-aio"}']).to.equal(5536);
      expect(s['procfs_group_thread_count{groupname="py:worker:nobody",threadname="ThreadPoolExec"}']).to.equal(2);
      expect(s['procfs_group_thread_cpu_seconds_total{groupname="py:worker:nobody",mode="user",threadname="ThreadPoolExec"}']).to.equal(
        1.7,
      );
      expect(
        s['procfs_group_thread_context_switches_total{ctxswitchtype="voluntary",groupname="py:worker:nobody",threadname="asyncio_0"}'],
      ).to.equal(5);
      expect(s['procfs_group_thread_minor_page_faults_total{groupname="py:worker:nobody",threadname="python3"}']).to.equal(19_000);
      // Single-threaded processes have no thread series (as process-exporter).
      expect(Object.keys(s).filter((k) => k.startsWith('procfs_group_thread_count{groupname="postgres"'))).to.deep.equal([]);
    });

    it('takes users from the rootfs passwd (the first entry of a uid), a uid it lacks as its number', () => {
      expect(s['procfs_group_num_procs{groupname="py:worker:nobody"}']).to.equal(1);
      expect(s['procfs_group_num_procs{groupname="py:web:4242"}']).to.equal(1);
    });

    it('without threads (threads: false): no thread series, the same group values', async () => {
      const without = await groups({ threads: false })();
      expect(Object.keys(without).filter((k) => k.startsWith('procfs_group_thread_'))).to.deep.equal([]);
      expect(without['procfs_group_context_switches_total{ctxswitchtype="voluntary",groupname="nginx"}']).to.equal(9910);
    });

    it('without children: sh and logrotate join no group', async () => {
      const without = await groups({ children: false })();
      expect(without['procfs_group_num_procs{groupname="nginx"}']).to.equal(3);
      expect(without['procfs_group_num_procs{groupname="postgres"}']).to.equal(1);
    });
  });

  describe("process-exporter's names (namedprocess_namegroup_*) and semantics", () => {
    it('counts from the first walk, states count threads beside their process, start times in whole seconds, scrape counters', async () => {
      const root = copyTree();
      try {
        const walk = groups({ names: 'process-exporter' });
        const first = await walk(root);
        expect(first['namedprocess_namegroup_cpu_seconds_total{groupname="nginx",mode="user"}']).to.equal(0);
        expect(first['namedprocess_namegroup_num_procs{groupname="nginx"}']).to.equal(5);
        // 100, 101 and its two threads, 150, 151 sleep; 102 runs.
        expect(first['namedprocess_namegroup_states{groupname="nginx",state="Sleeping"}']).to.equal(6);
        expect(first['namedprocess_namegroup_states{groupname="py:worker:nobody",state="Waiting"}']).to.equal(1);
        expect(first['namedprocess_namegroup_open_filedesc{groupname="nginx"}']).to.equal(52);
        // Nine processes have no io file: 1, 2, 150, 300, 301, 400, 401, 600, 601.
        expect(first.namedprocess_scrape_partial_errors).to.equal(9);
        expect(first.namedprocess_scrape_procread_errors).to.equal(0);
        expect(Object.keys(first).some((k) => k.startsWith('procfs_group_'))).to.equal(false);

        rewrite(root, { ...spec(100), utime: 250 });
        rewrite(root, { ...spec(101), starttime: 2051, utime: 1300 }); // another process with pid 101: counted from when it is seen
        fs.writeFileSync(path.join(root, 'stat'), fs.readFileSync(path.join(root, 'stat'), 'utf8'));
        const second = await walk(root);
        expect(second['namedprocess_namegroup_cpu_seconds_total{groupname="nginx",mode="user"}']).to.equal(1);
        // Only the tracked processes are read again: 150, 300, 301, 600, 601 lack io.
        expect(second.namedprocess_scrape_partial_errors).to.equal(9 + 5);
        // A start at 20.5 s after boot is 20 in whole seconds.
        rewrite(root, 100);
        const third = await walk(root);
        expect(third['namedprocess_namegroup_oldest_start_time_seconds{groupname="nginx"}']).to.equal(BTIME + 20);
        expect(third['namedprocess_namegroup_num_procs{groupname="nginx"}']).to.equal(4);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  });

  describe('counters across walks never go backwards', () => {
    let root: string;
    beforeEach(() => {
      root = copyTree();
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('when members exit, pids are reused, processes are re-parented, threads exit and are renamed', async () => {
      const walk = groups();
      const first = await walk(root);
      rewrite(root, 150); // sh exits: 0.02 s of user CPU stay nginx's
      rewrite(root, { ...spec(151), ppid: 1, utime: 35 }); // logrotate, re-parented to init, stays nginx's
      rewrite(root, { ...spec(102), starttime: 9900, utime: 7, stime: 0, voluntary: 3 }); // pid 102 reused by another nginx
      // 101's aio thread exits (its 2 s stay with its name, its switches with the process); the main thread is renamed.
      const [main] = spec(101).tasks!;
      rewrite(root, {
        ...spec(101),
        threads: 2,
        tasks: [
          { ...main, comm: 'nginx-main', utime: 1010 },
          { tid: 111, comm: 'nginx-aio', utime: 1, starttime: 9901 },
        ],
      });
      const second = await walk(root);
      expectMonotonic(first, second);
      // user: 100 150, 101 1200, old 102 1100 (exited), new 102 7, sh 2 (exited), logrotate 35.
      expect(second['procfs_group_cpu_seconds_total{groupname="nginx",mode="user"}']).to.equal(24.94);
      expect(second['procfs_group_num_procs{groupname="nginx"}']).to.equal(4);
      // Thread names: nginx kept its 10 s when its thread was renamed; nginx-aio has the exited 2 s and the new thread's 0.01 s.
      expect(second['procfs_group_thread_cpu_seconds_total{groupname="nginx",mode="user",threadname="nginx"}']).to.equal(10);
      expect(second['procfs_group_thread_count{groupname="nginx",threadname="nginx"}']).to.equal(0);
      expect(second['procfs_group_thread_cpu_seconds_total{groupname="nginx",mode="user",threadname="nginx-main"}']).to.equal(0.1);
      expect(second['procfs_group_thread_cpu_seconds_total{groupname="nginx",mode="user",threadname="nginx-aio"}']).to.equal(2.01);
      // 101's switches: the exited aio thread's 70 stay, the renamed main thread has 5000; the old 102's 4800 stay, the new one has 3.
      expect(second['procfs_group_context_switches_total{ctxswitchtype="voluntary",groupname="nginx"}']).to.equal(40 + 5070 + 4800 + 3);

      // Every postgres member exits: the group stays, with no process and its counters.
      for (const pid of [300, 301, 302]) rewrite(root, pid);
      const third = await walk(root);
      expectMonotonic(second, third);
      expect(third['procfs_group_num_procs{groupname="postgres"}']).to.equal(0);
      expect(third['procfs_group_cpu_seconds_total{groupname="postgres",mode="user"}']).to.equal(9.63);
      expect(third['procfs_group_oldest_start_time_seconds{groupname="postgres"}']).to.equal(undefined);
    });

    it('a process whose stat fails to parse for one walk is counted once (issue 13: 5.3 instead of 5.2)', async () => {
      // Two workers in one group: 5.0 s and 0.2 s of user CPU.
      const specs = [{ name: 'workers', comm: ['worker'] }];
      rewrite(root, { ...spec(600), utime: 500 });
      rewrite(root, { ...spec(601), utime: 20 });
      const walk = groups({}, specs);
      expect((await walk(root))['procfs_group_cpu_seconds_total{groupname="workers",mode="user"}']).to.equal(5.2);
      const stat601 = path.join(root, '601', 'stat');
      const good = fs.readFileSync(stat601, 'utf8');
      fs.writeFileSync(stat601, good.replace(' 4194304 ', ' x '));
      const broken = await walk(root);
      // Still a member (its directory exists): counted, with its last values; its gauges are not known now.
      expect(broken['procfs_group_cpu_seconds_total{groupname="workers",mode="user"}']).to.equal(5.2);
      expect(broken['procfs_group_num_procs{groupname="workers"}']).to.equal(1);
      fs.writeFileSync(stat601, statLine(asLiveProcess({ ...spec(601), utime: 30 })));
      const back = await walk(root);
      expect(back['procfs_group_cpu_seconds_total{groupname="workers",mode="user"}']).to.equal(5.3);
      expect(back['procfs_group_num_procs{groupname="workers"}']).to.equal(2);
    });

    it('a member that exits during the walk (listed, then gone) is not counted, and what it counted stays', async () => {
      let vanish = false;
      /** 102 disappears after the listing, as a process exiting while the walk runs. */
      class ExitingProcFs extends ProcFs {
        override readText(relative: string): string {
          if (vanish && relative.startsWith('102/')) throw Object.assign(new Error('ENOENT: simulated'), { code: 'ENOENT' });
          return super.readText(relative);
        }
        override exists(relative: string): boolean {
          return vanish && relative.startsWith('102') ? false : super.exists(relative);
        }
      }
      const walk = groups({}, GROUPS, (r) => new ExitingProcFs(r));
      const first = await walk(root);
      vanish = true;
      const second = await walk(root);
      expectMonotonic(first, second);
      expect(second['procfs_group_num_procs{groupname="nginx"}']).to.equal(4);
      expect(second['procfs_group_cpu_seconds_total{groupname="nginx",mode="user"}']).to.equal(24.82);
      expect(second['procfs_group_states{groupname="nginx",state="Running"}']).to.equal(0);
    });

    it('recheck: an ignored process renamed joins a group; without it, it stays out; a tracked one renamed keeps its group', async () => {
      const plain = groups();
      const recheck = groups({ recheck: true });
      await plain(root);
      await recheck(root);
      rewrite(root, { ...spec(401), comm: 'nginx', argv: ['nginx'] }); // sleep execs nginx
      rewrite(root, { ...spec(102), comm: 'nginx-old' });
      const withoutRecheck = await plain(root);
      const withRecheck = await recheck(root);
      expect(withoutRecheck['procfs_group_num_procs{groupname="nginx"}']).to.equal(5);
      expect(withRecheck['procfs_group_num_procs{groupname="nginx"}']).to.equal(6);
    });
  });

  describe('groups that empty, and the series cap', () => {
    let root: string;
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'process-groups-pid-'));
      writeRootStat(root, BTIME);
      for (let i = 0; i < 500; i++)
        writeProcess(root, {
          pid: 1000 + i,
          comm: 'job',
          argv: ['/usr/bin/job'],
          starttime: 5000 + i,
          utime: i,
          fds: 1,
          io: { read: 0, write: 0 },
        });
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
    const pidGroups = [{ name: 'job:{{.PID}}', comm: ['job'] }];
    const groupSeries = (s: Record<string, number>): number => Object.keys(s).filter((k) => k.includes('groupname="job:')).length;

    it('{{.PID}} groups of exited processes stay (process-exporter 0.7.10), or go with removeEmptyGroups', async () => {
      const keep = groups({}, pidGroups);
      const remove = groups({ removeEmptyGroups: true }, pidGroups);
      expect(groupSeries(await keep(root))).to.equal(500 * 20);
      expect(groupSeries(await remove(root))).to.equal(500 * 20);
      for (let i = 0; i < 500; i++) fs.rmSync(path.join(root, String(1000 + i)), { recursive: true });
      // Kept: every series but the start time, num_procs 0 and the counters as they were.
      const kept = await keep(root);
      expect(groupSeries(kept)).to.equal(500 * 19);
      expect(kept['procfs_group_num_procs{groupname="job:1499"}']).to.equal(0);
      expect(kept['procfs_group_cpu_seconds_total{groupname="job:1499",mode="user"}']).to.equal(4.99);
      expect(groupSeries(await remove(root))).to.equal(0);
    });

    it('more series than maxSeries fails the run with what to change; groups beyond it are refused', async () => {
      const hint = '(names with {{.PID}} or {{.StartTime}} make a group per process: set removeEmptyGroups, or raise maxSeries)';
      await expectFailure(groups({ maxSeries: 5000 }, pidGroups)(root), `process_groups: 10000 series, over the limit of 5000 ${hint}`);
      await expectFailure(
        groups({ maxSeries: 100 }, pidGroups)(root),
        `process_groups: 400 processes would make groups beyond the limit of 100 series ${hint}`,
      );
      // One group for all: within the limit.
      const one = await groups({ maxSeries: 100 }, [{ name: 'jobs', comm: ['job'] }])(root);
      expect(one['procfs_group_num_procs{groupname="jobs"}']).to.equal(500);
    });
  });

  it('reads /etc/passwd under the rootfs once, and again on a walk that meets a uid it lacks (at most once a walk)', async () => {
    const root = copyTree();
    let reads = 0;
    class CountingRootFs extends ProcFs {
      override readText(relative: string): string {
        if (relative === 'etc/passwd') reads++;
        return super.readText(relative);
      }
    }
    const definition = processGroupsCollector({ ...DEFAULT_PROCESS_GROUPS_SETTINGS, groups: GROUPS });
    const trees = filesystems(new ProcFs(root), new ProcFs(root), new CountingRootFs(ROOTFS));
    const walk = async (): Promise<Record<string, number>> => series(await collect(definition, trees, {}, { pageSize: 4096 }));
    try {
      await walk();
      expect(reads).to.equal(1); // 65534 found, 4242 not: the file was read in this walk already
      await walk();
      expect(reads).to.equal(1);
      rewrite(root, {
        pid: 202,
        comm: 'python3',
        uid: 4242,
        argv: ['/usr/bin/python3', '/srv/app/cron.py'],
        starttime: 7000,
        rssPages: 10,
      });
      rewrite(root, {
        pid: 203,
        comm: 'python3',
        uid: 4343,
        argv: ['/usr/bin/python3', '/srv/app/cron.py'],
        starttime: 7001,
        rssPages: 10,
      });
      const third = await walk();
      expect(reads).to.equal(2);
      expect(third['procfs_group_num_procs{groupname="py:cron:4242"}']).to.equal(1);
      expect(third['procfs_group_num_procs{groupname="py:cron:4343"}']).to.equal(1);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

async function expectFailure(run: Promise<unknown>, message: string): Promise<void> {
  let error: Error | undefined;
  try {
    await run;
  } catch (e) {
    error = e as Error;
  }
  expect(error?.message).to.equal(message);
}
