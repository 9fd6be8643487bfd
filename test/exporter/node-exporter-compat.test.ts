/**
 * Drop-in compatibility, checked against the real thing: Debian's
 * node_exporter (prometheus-node-exporter, 1.5.0; .ci/run installs it) and
 * this exporter read the same fixture procfs tree with the same collectors,
 * and every series must agree — name, labels, value, type and help — except
 * for the differences listed below, each with its reason.
 */
import { expect } from 'chai';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { collectors } from '../../collectors/index';
import { parseTextFormat } from '../../src/exporter/textformat';
import { projectRoot } from '../support/fixtures';
import { freePort, get, runExporter, TREE_3_2, TREE_6_18 } from './helpers';
import { requireTool } from '../support/tools';

/** Collectors both exporters have that are not compared, with the reason. */
const NOT_COMPARED: Record<string, string> = {
  tcpstat: 'node_exporter 1.5 asks the live kernel over netlink, not procfs',
  textfile: 'reads a directory of *.prom files, not /proc',
};

/** Collectors node_exporter does not start without: /proc/self must be in the tree. */
const NEEDS_SELF = new Set(['mountstats']);

/** The collectors this node_exporter has (`--collector.<name>  Enable the <name> collector` in its --help). */
function nodeExporterCollectors(binary: string): Set<string> {
  const help = spawnSync(binary, ['--help'], { encoding: 'utf8' });
  return new Set([...`${help.stdout}${help.stderr}`.matchAll(/^\s+--collector\.([a-z0-9_]+)\s+Enable the \1 collector/gm)].map((m) => m[1]));
}

/**
 * The collectors compared on the captures: ours that node_exporter has too (so a new
 * collector of ours is compared as soon as node_exporter has it), less NOT_COMPARED.
 * ipvs, drbd, zfs and sysctl are compared on node_exporter's own fixture tree too
 * (below): neither capture has IPVS, DRBD or ZFS.
 */
function sharedCollectors(binary: string): string[] {
  const theirs = nodeExporterCollectors(binary);
  for (const name of Object.keys(NOT_COMPARED)) expect(theirs.has(name), `NOT_COMPARED lists ${name}, which node_exporter lacks`).to.equal(true);
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

/** Flags that make node_exporter read what we read (procfs, not netlink; Debian's build excludes lo by default). */
const NODE_EXPORTER_FLAGS = ['--no-collector.netdev.netlink', '--collector.netdev.device-exclude=^$'];

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
    reason: 'node_exporter 1.5 sets node_processes_threads before the run fails on a missing /proc/sys/kernel file; a failed run of ours exports nothing',
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
    reason: "1.5.0 cuts a dataset name at its first space; the current zfs collector keeps the name whole (as ours)",
    matches: (name, labels) => name.startsWith('node_zfs_zpool_dataset_') && labels.dataset === 'pool3/dataset',
  },
  {
    side: 'ours',
    reason: "1.5.0 cuts a dataset name at its first space; the current zfs collector keeps the name whole (as ours)",
    matches: (name, labels) => name.startsWith('node_zfs_zpool_dataset_') && labels.dataset === 'pool3/dataset with  space',
  },
];

/** Labels the current node_exporter has and 1.5.0 lacks: dropped from our series before comparing, values still compared. */
const LABELS_ADDED_SINCE_1_5: { family: RegExp; label: string; reason: string }[] = [
  { family: /^node_mountstats_nfs_transport_/, label: 'transport', reason: 'mountstats transport metrics gained the transport index label' },
];

/** Per-run meta series that differ by nature (durations) or belong to one program. */
function ignored(name: string): boolean {
  return /^(go_|process_|promhttp_|nodejs_|node_exporter_build_info|node_scrape_collector_duration_seconds)/.test(name);
}

interface Series {
  value: number;
  type: string;
  help?: string;
}

function seriesOf(exposition: string, dropNewLabels = false): Map<string, Series> {
  const out = new Map<string, Series>();
  for (const family of parseTextFormat(exposition)) {
    if (ignored(family.name)) continue;
    const dropped = dropNewLabels ? LABELS_ADDED_SINCE_1_5.filter((l) => l.family.test(family.name)).map((l) => l.label) : [];
    for (const sample of family.samples) {
      const labels = Object.keys(sample.labels).filter((k) => !dropped.includes(k)).sort().map((k) => `${k}=${JSON.stringify(sample.labels[k])}`).join(',');
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

async function scrapeNodeExporter(binary: string, procfs: string, collectorNames: string[], flags: readonly string[]): Promise<string> {
  const port = await freePort();
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'compat-sys-'));
  const args = [
    `--path.procfs=${procfs}`, `--path.sysfs=${empty}`, `--path.rootfs=${empty}`,
    `--web.listen-address=127.0.0.1:${port}`, '--collector.disable-defaults',
    ...collectorNames.map((c) => `--collector.${c}`), ...NODE_EXPORTER_FLAGS, ...flags,
  ];
  const child: ChildProcess = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
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
    fs.rmSync(empty, { recursive: true, force: true });
  }
}

describe('drop-in compatibility with the real node_exporter (same procfs tree, same collectors)', function () {
  this.timeout(60_000);

  const trees: { label: string; root: string | [string, string][]; only?: string[]; flags?: string[]; minimum?: number }[] = [
    { label: 'Linux 6.18 capture', root: TREE_6_18 },
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
      try {
        const flags = tree.flags ?? [];
        const theirs = seriesOf(await scrapeNodeExporter(binary, procfs, shared, flags));
        // The same empty sysfs and rootfs as node_exporter's: only procfs is compared.
        const run = runExporter([
          '--once', '--config', '/dev/null', '--path.procfs', procfs, `--path.sysfs=${empty}`, `--path.rootfs=${empty}`,
          '--collector.disable-defaults', ...shared.map((c) => `--collector.${c}`), ...flags,
        ]);
        expect(run.status, run.stderr).to.equal(0);
        const ours = seriesOf(run.stdout, true);

        const unexplained: string[] = [];
        const explained = new Set<string>();
        const check = (key: string, side: Difference['side']): void => {
          const { name, labels } = parseKey(key);
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
          if (mine.help !== other.help) disagreements.push(`${key}: help ${JSON.stringify(mine.help)}, node_exporter ${JSON.stringify(other.help)}`);
          const same = mine.value === other.value || Math.abs(mine.value - other.value) <= 1e-12 * Math.abs(other.value);
          if (!same) disagreements.push(`${key}: ${mine.value}, node_exporter ${other.value}`);
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
