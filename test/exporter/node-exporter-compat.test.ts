/**
 * Drop-in compatibility, checked against the real thing: Debian's
 * node_exporter (prometheus-node-exporter, 1.5.0; .ci/run installs it) and
 * this exporter read the same fixture procfs tree with the same collectors
 * (and the /sys and root filesystem captured with it; empty ones otherwise),
 * and every series must agree — name, labels, value, type and help — except
 * for the differences listed below, each with its reason, and for the values
 * that are live by nature (the clock, adjtimex, free space), whose names,
 * labels, types and help are still compared.
 */
import { expect } from 'chai';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { collectors } from '../../collectors/index';
import { FS_TYPES_EXCLUDE, MOUNT_POINTS_EXCLUDE } from '../../collectors/filesystem';
import { parseTextFormat } from '../../src/exporter/textformat';
import { projectRoot } from '../support/fixtures';
import { freePort, get, ROOTFS, runExporter, SYSFS, TREE_3_2, TREE_6_18 } from './helpers';
import { requireTool } from '../support/tools';

/** Collectors both exporters have that are not compared, with the reason. */
const NOT_COMPARED: Record<string, string> = {
  tcpstat: 'node_exporter 1.5 asks the live kernel over netlink, not procfs',
  textfile: 'reads a directory of *.prom files, not /proc',
  uname: "node_exporter asks the live kernel (uname(2)); ours reads the tree's /proc/sys/kernel: compared on this machine's /proc below",
};

/** Collectors node_exporter does not start without: /proc/self must be in the tree. */
const NEEDS_SELF = new Set(['mountstats']);

/** The collectors this node_exporter has (`--collector.<name>  Enable the <name> collector` in its --help). */
function nodeExporterCollectors(binary: string): Set<string> {
  const help = spawnSync(binary, ['--help'], { encoding: 'utf8' });
  return new Set(
    [...`${help.stdout}${help.stderr}`.matchAll(/^\s+--collector\.([a-z0-9_]+)\s+Enable the \1 collector/gm)].map((m) => m[1]),
  );
}

/**
 * The collectors compared on the captures: ours that node_exporter has too (so a new
 * collector of ours is compared as soon as node_exporter has it), less NOT_COMPARED.
 * ipvs, drbd, zfs and sysctl are compared on node_exporter's own fixture tree too
 * (below): neither capture has IPVS, DRBD or ZFS.
 */
function sharedCollectors(binary: string): string[] {
  const theirs = nodeExporterCollectors(binary);
  for (const name of Object.keys(NOT_COMPARED))
    expect(theirs.has(name), `NOT_COMPARED lists ${name}, which node_exporter lacks`).to.equal(true);
  return Object.keys(collectors)
    .filter((name) => theirs.has(name) && !(name in NOT_COMPARED))
    .sort();
}

/** node_exporter's fixtures for IPVS, DRBD and ZFS, with ip_vs_stats and this machine's /proc/sys for sysctl (see NEW_TREE). */
const NEW_COLLECTORS = ['drbd', 'ipvs', 'sysctl', 'zfs'];
const SYSCTL_FLAGS = [
  '--collector.sysctl.include=kernel.pid_max',
  '--collector.sysctl.include=fs.file-nr',
  '--collector.sysctl.include=fs.file-nr:allocated,unused,maximum',
  '--collector.sysctl.include-info=kernel.threads-max',
  '--collector.sysctl.include-info=fs.file-nr',
];

/**
 * Flags that make node_exporter read what we read: procfs, not netlink; Debian's build excludes lo by
 * default, and patches the filesystem mount-point exclude (adding /run, /mnt, /media), whose
 * upstream default (and ours) is given; the current fs-types exclude adds erofs.
 */
const NODE_EXPORTER_FLAGS = [
  '--no-collector.netdev.netlink',
  '--collector.netdev.device-exclude=^$',
  `--collector.filesystem.mount-points-exclude=${MOUNT_POINTS_EXCLUDE}`,
  `--collector.filesystem.fs-types-exclude=${FS_TYPES_EXCLUDE}`,
];

/**
 * Values that differ between two reads by nature: the clock, the kernel clock's discipline as
 * adjtimex reports it, and the free space and inodes of the fixture tree's own filesystem (other
 * programs write to it between the two scrapes).
 */
function liveValue(name: string, labels: Record<string, string>): boolean {
  if (name === 'node_time_seconds' || name.startsWith('node_timex_')) return true;
  return /^node_filesystem_(free_bytes|avail_bytes|files_free)$/.test(name) && labels.mountpoint === '/';
}

interface Difference {
  reason: string;
  side: 'node_exporter' | 'ours';
  matches: (name: string, labels: Record<string, string>) => boolean;
}

/** Where node_exporter 1.5.0 and this exporter (which follows node_exporter's current collectors) differ on purpose. */
const EXPECTED_DIFFERENCES: Difference[] = [
  {
    side: 'node_exporter',
    reason: 'node_disk_info needs udev and /sys, which this exporter does not read',
    matches: (name) => name === 'node_disk_info',
  },
  {
    side: 'node_exporter',
    reason: "1.5.0's default device exclude lacks z?ram; the current default (and the issue's) excludes zram",
    matches: (name, labels) => name.startsWith('node_disk_') && /^zram\d+$/.test(labels.device ?? ''),
  },
  {
    side: 'ours',
    reason: "the current default netstat field regexp adds TCPOFOQueue and TCPRcvQDrop (1.5.0's does not)",
    matches: (name) => name === 'node_netstat_TcpExt_TCPOFOQueue' || name === 'node_netstat_TcpExt_TCPRcvQDrop',
  },
  {
    side: 'ours',
    reason: 'softnet gained backlog_len, cpu_collision, received_rps and flow_limit_count after 1.5.0',
    matches: (name) => /^node_softnet_(backlog_len|cpu_collision_total|received_rps_total|flow_limit_count_total)$/.test(name),
  },
  {
    side: 'ours',
    reason: 'mountstats gained node_mountstats_nfs_mountpoint_info and operations_errors_total after 1.5.0',
    matches: (name) => name === 'node_mountstats_nfs_mountpoint_info' || name === 'node_mountstats_nfs_operations_errors_total',
  },
  {
    side: 'node_exporter',
    reason:
      'node_exporter 1.5 sets node_processes_threads before the run fails on a missing /proc/sys/kernel file; a failed run of ours exports nothing',
    matches: (name) => name === 'node_processes_threads',
  },
  {
    side: 'ours',
    reason: 'zfs gained dbufstats (node_zfs_dbuf_*) after 1.5.0',
    matches: (name) => name.startsWith('node_zfs_dbuf_'),
  },
  {
    side: 'ours',
    reason: 'zfs gained the suspended pool state after 1.5.0',
    matches: (name, labels) => name === 'node_zfs_zpool_state' && labels.state === 'suspended',
  },
  {
    side: 'node_exporter',
    reason: '1.5.0 cuts a dataset name at its first space; the current zfs collector keeps the name whole (as ours)',
    matches: (name, labels) => name.startsWith('node_zfs_zpool_dataset_') && labels.dataset === 'pool3/dataset',
  },
  {
    side: 'ours',
    reason: '1.5.0 cuts a dataset name at its first space; the current zfs collector keeps the name whole (as ours)',
    matches: (name, labels) => name.startsWith('node_zfs_zpool_dataset_') && labels.dataset === 'pool3/dataset with  space',
  },
  {
    side: 'node_exporter',
    reason:
      "1.5.0 reads /proc/1/mounts, else /proc/mounts (the 3.2 capture's lists the initramfs rootfs and a gvfs FUSE mount of " +
      "another mount namespace); the current one reads mountinfo (the capture's self/mountinfo), which has neither",
    matches: (name, labels) => name.startsWith('node_filesystem_') && (labels.device === 'rootfs' || labels.device === 'gvfs-fuse-daemon'),
  },
  {
    side: 'ours',
    reason: 'filesystem gained node_filesystem_mount_info after 1.5.0',
    matches: (name) => name === 'node_filesystem_mount_info',
  },
  {
    side: 'ours',
    reason: 'filesystem reports readonly for a mount whose statfs failed too since 1.5.0 (the option is known without statfs)',
    matches: (name, labels) => name === 'node_filesystem_readonly' && labels.device_error !== '',
  },
  {
    side: 'ours',
    reason: 'timex gained node_timex_offset_overflow_total after 1.5.0',
    matches: (name) => name === 'node_timex_offset_overflow_total',
  },
];

/** Labels the current node_exporter has and 1.5.0 lacks: dropped from our series before comparing, values still compared. */
const LABELS_ADDED_SINCE_1_5: { family: RegExp; label: string; reason: string }[] = [
  {
    family: /^node_mountstats_nfs_transport_/,
    label: 'transport',
    reason: 'mountstats transport metrics gained the transport index label',
  },
  { family: /^node_filesystem_/, label: 'device_error', reason: "filesystem series gained the device_error label (the statfs error, '')" },
  { family: /^node_network_info$/, label: 'adminstate', reason: 'netclass info gained the adminstate label (IFF_UP of flags)' },
];

/** Per-run meta series that differ by nature (durations) or belong to one program. */
function ignored(name: string): boolean {
  return /^(go_|process_|promhttp_|nodejs_|node_exporter_build_info|node_scrape_collector_duration_seconds)/.test(name);
}

interface Series {
  value: number;
  type: string;
  help?: string;
  /** Every label, those dropped from the key included. */
  labels: Record<string, string>;
}

function seriesOf(exposition: string, dropNewLabels = false): Map<string, Series> {
  const out = new Map<string, Series>();
  for (const family of parseTextFormat(exposition)) {
    if (ignored(family.name)) continue;
    const dropped = dropNewLabels ? LABELS_ADDED_SINCE_1_5.filter((l) => l.family.test(family.name)).map((l) => l.label) : [];
    for (const sample of family.samples) {
      const labels = Object.keys(sample.labels)
        .filter((k) => !dropped.includes(k))
        .sort()
        .map((k) => `${k}=${JSON.stringify(sample.labels[k])}`)
        .join(',');
      out.set(`${sample.name}{${labels}}`, { value: sample.value, type: family.type, help: family.help, labels: sample.labels });
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

/**
 * A copy of a capture where `self` is a symbolic link to a process
 * directory, as node_exporter insists (the 3.2 capture stores self as a
 * directory; the 6.18 capture has none, so mountstats is not compared there).
 */
function procfsCopy(tree: string | readonly (readonly [source: string, under: string])[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compat-proc-'));
  for (const [source, under] of typeof tree === 'string' ? [[tree, '']] : tree) {
    fs.cpSync(source, path.join(dir, under), { recursive: true, verbatimSymlinks: true });
  }
  const self = path.join(dir, 'self');
  if (fs.existsSync(self) && fs.lstatSync(self).isDirectory()) {
    fs.renameSync(self, path.join(dir, '31337'));
    fs.symlinkSync('31337', self);
  }
  return dir;
}

interface Trees {
  procfs: string;
  sysfs: string;
  rootfs: string;
}

async function scrapeNodeExporter(binary: string, trees: Trees, collectorNames: string[], flags: readonly string[]): Promise<string> {
  const port = await freePort();
  const args = [
    `--path.procfs=${trees.procfs}`,
    `--path.sysfs=${trees.sysfs}`,
    `--path.rootfs=${trees.rootfs}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--collector.disable-defaults',
    ...collectorNames.map((c) => `--collector.${c}`),
    ...NODE_EXPORTER_FLAGS,
    ...flags,
  ];
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (child.exitCode !== null) throw new Error(`node_exporter exited: ${log.split('\n').filter(Boolean).slice(-3).join(' | ')}`);
      try {
        const response = await get(`http://127.0.0.1:${port}/metrics`);
        if (response.status === 200) return response.body;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`node_exporter did not answer: ${log}`);
  } finally {
    child.kill('SIGKILL');
  }
}

describe('drop-in compatibility with the real node_exporter (same procfs tree, same collectors)', function () {
  this.timeout(60_000);

  interface Tree {
    label: string;
    root: string | [string, string][];
    /** The /sys and root filesystem both read (default: empty ones). */
    sysfs?: string;
    rootfs?: string;
    only?: string[];
    flags?: string[];
    minimum?: number;
  }
  const trees: Tree[] = [
    { label: 'Linux 6.18 capture', root: TREE_6_18, sysfs: SYSFS, rootfs: ROOTFS },
    { label: 'Linux 3.2 capture', root: TREE_3_2 },
    {
      label: "node_exporter's IPVS, DRBD and ZFS fixtures (with /proc/sys for sysctl)",
      root: [
        [path.join(projectRoot, 'fixtures', 'node_exporter', 'proc'), ''],
        [path.join(projectRoot, 'fixtures', 'trees', 'ipvs'), ''],
        [path.join(TREE_6_18, 'sys'), 'sys'],
      ],
      only: NEW_COLLECTORS,
      flags: SYSCTL_FLAGS,
      minimum: 300,
    },
  ];

  for (const tree of trees) {
    it(`agrees series for series on the ${tree.label}`, async function () {
      const binary = requireTool(this, 'prometheus-node-exporter');
      const version = spawnSync(binary, ['--version'], { encoding: 'utf8' });
      expect(`${version.stdout}${version.stderr}`).to.match(/version 1\.5\./);
      const hasSelf = typeof tree.root === 'string' && fs.existsSync(path.join(tree.root, 'self'));
      const shared = tree.only ?? sharedCollectors(binary).filter((c) => hasSelf || !NEEDS_SELF.has(c));
      if (!tree.only) expect(shared, 'the derived list').to.include.members(['cpu', 'diskstats', 'meminfo', 'netstat']);
      for (const name of Object.keys(NOT_COMPARED)) expect(shared).to.not.include(name);
      const procfs = procfsCopy(tree.root);
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'compat-sys-'));
      const sysfs = tree.sysfs ?? empty;
      const rootfs = tree.rootfs ?? empty;
      try {
        const flags = tree.flags ?? [];
        const theirs = seriesOf(await scrapeNodeExporter(binary, { procfs, sysfs, rootfs }, shared, flags));
        // The same trees as node_exporter's, and the same zone (its Go runtime and our localtime_r read TZ alike).
        const run = runExporter(
          [
            '--once',
            '--config',
            '/dev/null',
            '--path.procfs',
            procfs,
            `--path.sysfs=${sysfs}`,
            `--path.rootfs=${rootfs}`,
            '--collector.disable-defaults',
            ...shared.map((c) => `--collector.${c}`),
            ...flags,
          ],
          { TZ: 'UTC' },
        );
        expect(run.status, run.stderr).to.equal(0);
        const ours = seriesOf(run.stdout, true);

        const unexplained: string[] = [];
        const explained = new Set<string>();
        const check = (key: string, side: Difference['side']): void => {
          const name = parseKey(key).name;
          const labels = (side === 'ours' ? ours : theirs).get(key)!.labels;
          const difference = EXPECTED_DIFFERENCES.find((d) => d.side === side && d.matches(name, labels));
          if (difference) explained.add(difference.reason);
          else unexplained.push(`only in ${side}: ${key}`);
        };
        for (const key of theirs.keys()) if (!ours.has(key)) check(key, 'node_exporter');
        for (const key of ours.keys()) if (!theirs.has(key)) check(key, 'ours');
        const disagreements: string[] = [];
        let compared = 0;
        for (const [key, mine] of ours) {
          const other = theirs.get(key);
          if (!other) continue;
          compared++;
          if (mine.type !== other.type) disagreements.push(`${key}: type ${mine.type}, node_exporter ${other.type}`);
          if (mine.help !== other.help)
            disagreements.push(`${key}: help ${JSON.stringify(mine.help)}, node_exporter ${JSON.stringify(other.help)}`);
          const same = mine.value === other.value || Math.abs(mine.value - other.value) <= 1e-12 * Math.abs(other.value);
          const live = liveValue(parseKey(key).name, mine.labels);
          if (!same && !live) disagreements.push(`${key}: ${mine.value}, node_exporter ${other.value}`);
        }
        expect(unexplained, 'series only one side has').to.deep.equal([]);
        expect(disagreements, 'series both have').to.deep.equal([]);
        expect(compared).to.be.greaterThan(tree.minimum ?? 500);
        const successes = [...ours.keys()].filter((k) => k.startsWith('node_scrape_collector_success{'));
        expect(successes).to.have.length(shared.length);
      } finally {
        fs.rmSync(procfs, { recursive: true, force: true });
        fs.rmSync(empty, { recursive: true, force: true });
      }
    });
  }
});

describe('uname against the real node_exporter on this machine', function () {
  this.timeout(60_000);

  it("gives node_uname_info the labels node_exporter's uname(2) gives, reading /proc/sys/kernel", async function () {
    const binary = requireTool(this, 'prometheus-node-exporter');
    if (!fs.existsSync('/proc/sys/kernel/ostype')) this.skip();
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'compat-sys-'));
    try {
      const theirs = seriesOf(await scrapeNodeExporter(binary, { procfs: '/proc', sysfs: empty, rootfs: empty }, ['uname'], []));
      const run = runExporter([
        '--once',
        '--config',
        '/dev/null',
        '--path.procfs',
        '/proc',
        '--collector.disable-defaults',
        '--collector.uname',
      ]);
      expect(run.status, run.stderr).to.equal(0);
      const ours = seriesOf(run.stdout);
      const uname = (s: Map<string, Series>) => [...s].filter(([key]) => key.startsWith('node_uname_info{'));
      expect(uname(ours)).to.have.length(1);
      expect(uname(ours)).to.deep.equal(uname(theirs));
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
