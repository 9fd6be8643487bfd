/**
 * Switching from node_exporter without losing a panel or an alert: Debian's node_exporter (1.5.0) and this
 * exporter read the same fixture trees, a real Prometheus (Debian's) scrapes each — one Prometheus per
 * exporter, both relabelling their one target to job "node", instance "node1:9100", so that the same query
 * text means the same thing to both — and every query of test/exporter/node-queries.yaml (Node Exporter
 * Full's variables and panels, node-mixin's alerts and recording rules) is evaluated by both at one instant.
 * Every query node_exporter answers must be answered by ours too, with the same label sets, and the same
 * values unless the entry is volatile; queries that need what this project does not read (NOT_READ, listed
 * in README's "Coming from node_exporter") are evaluated and reported, not required.
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { collectors } from '../../collectors/index';
import { projectRoot } from '../support/fixtures';
import { PrometheusServer, type VectorSample } from '../support/prometheus';
import { requireTool } from '../support/tools';
import { freePort, get, ROOTFS, startExporterProcess, SYSFS, TREE_6_18, type StartedExporter } from './helpers';

/**
 * node_exporter's default collectors this project does not have: each reads hardware, a daemon or a kernel
 * subsystem outside /proc that proc-exporter does not read. README's "Coming from node_exporter" lists them.
 */
const NOT_READ: Record<string, string> = {
  bcache: 'bcache caching devices (/sys/fs/bcache)',
  bonding: 'bonded network interfaces (/sys/class/net/<bond>/bonding)',
  btrfs: 'btrfs filesystem internals (/sys/fs/btrfs)',
  cpufreq: 'CPU frequency scaling (/sys/devices/system/cpu/cpu*/cpufreq)',
  dmi: 'DMI/SMBIOS hardware identity (/sys/class/dmi/id)',
  edac: 'ECC memory controllers (/sys/devices/system/edac)',
  fibrechannel: 'Fibre Channel adapters (/sys/class/fc_host)',
  hwmon: 'hardware sensors: temperatures, fans, voltages (/sys/class/hwmon)',
  infiniband: 'InfiniBand adapters (/sys/class/infiniband)',
  nvme: 'NVMe controllers (/sys/class/nvme)',
  powersupplyclass: 'power supplies and batteries (/sys/class/power_supply)',
  rapl: 'RAPL energy counters (/sys/class/powercap)',
  selinux: 'SELinux status (libselinux)',
  systemd: "systemd units and sockets (the systemd daemon over D-Bus; on in Debian's build)",
  tapestats: 'SCSI tape drives (/sys/class/scsi_tape)',
  thermal_zone: 'thermal zones and cooling devices (/sys/class/thermal)',
  xfs: 'XFS filesystem internals (/sys/fs/xfs)',
};

/** Where node_exporter 1.5.0 (or Debian's build of it) differs from the current node_exporter this project follows: set as today's. */
const VERSION_FLAGS = [
  // Debian's build excludes lo by default; node_exporter's own default excludes nothing.
  '--collector.netdev.device-exclude=^$',
  // 1.5.0's default lacks z?ram (the current default, and ours, exclude zram devices).
  '--collector.diskstats.device-exclude=^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$',
  // procfs, not netlink: both exporters then read the fixture's /proc/net/dev.
  '--no-collector.netdev.netlink',
];

/**
 * What the current node_exporter (which this project follows) answers beyond 1.5.0: taken out of our
 * answers before they are compared, each with its reason (test/exporter/node-exporter-compat.test.ts lists the same).
 */
const SINCE_1_5: { reason: string; series?: (labels: Record<string, string>) => boolean; label?: string }[] = [
  {
    reason: 'filesystem reports readonly for a mount whose statfs failed too (the option is known without statfs)',
    series: (labels) => labels.__name__ === 'node_filesystem_readonly' && labels.device_error !== undefined,
  },
  { reason: 'filesystem series gained the device_error label (the statfs error; Prometheus drops it when empty)', label: 'device_error' },
];

/** Our answer as node_exporter 1.5.0 would give it (SINCE_1_5 taken out). */
function asOf1_5(samples: Sample[]): Sample[] {
  return samples
    .filter((s) => !SINCE_1_5.some((d) => d.series?.(s.labels)))
    .map((s) => ({ ...s, labels: Object.fromEntries(Object.entries(s.labels).filter(([k]) => !SINCE_1_5.some((d) => d.label === k))) }));
}

/** Collectors off by default that Node Exporter Full's panels ask for ("Enable with --collector.processes"): on for both. */
const DASHBOARD_COLLECTORS = ['processes', 'interrupts'];

const INSTANCE = 'node1:9100';
const JOB = 'node';
const QUERIES_FILE = path.join(projectRoot, 'test', 'exporter', 'node-queries.yaml');

interface Entry {
  source: 'variable' | 'dashboard' | 'alert' | 'rule';
  name: string;
  expr: string;
  volatile?: string;
  needs?: string;
  /** A variable: label_values(match, label). */
  labelValues?: { match: string; label: string };
}

interface Group {
  panel?: string;
  alert?: string;
  record?: string;
  exprs: string[];
  volatile?: string;
  needs?: string;
}

/** node-queries.yaml as one list. */
function loadEntries(file = QUERIES_FILE): Entry[] {
  const doc = parseYaml(fs.readFileSync(file, 'utf8')) as {
    variables: { name: string; match: string; label: string }[];
    dashboard: Group[];
    alerts: Group[];
    rules: Group[];
  };
  const entries: Entry[] = doc.variables.map((v) => ({
    source: 'variable',
    name: `$${v.name}`,
    expr: `label_values(${v.match}, ${v.label})`,
    labelValues: { match: v.match, label: v.label },
  }));
  for (const [source, groups] of [
    ['dashboard', doc.dashboard],
    ['alert', doc.alerts],
    ['rule', doc.rules],
  ] as const) {
    for (const g of groups) {
      for (const expr of g.exprs) {
        entries.push({ source, name: (g.panel ?? g.alert ?? g.record)!, expr, volatile: g.volatile, needs: g.needs });
      }
    }
  }
  return entries;
}

interface Sample {
  labels: Record<string, string>;
  value: number;
}

type Answer = { ok: true; samples: Sample[] } | { ok: false; error: string };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** An instant query's answer as samples (a scalar as one unlabelled sample), or the API's error. */
async function queryAt(prom: PrometheusServer, expr: string, time: number): Promise<Answer> {
  const answer = await prom.answer(expr, time);
  if (answer.status !== 'success') return { ok: false, error: answer.error ?? JSON.stringify(answer) };
  const { resultType, result } = answer.data!;
  if (resultType === 'scalar') return { ok: true, samples: [{ labels: {}, value: Number((result as [number, string])[1]) }] };
  const vector = result as VectorSample[];
  return { ok: true, samples: vector.map((s) => ({ labels: s.metric, value: Number(s.value[1]) })) };
}

/** A label-values answer as one sample per value. */
async function labelValues(prom: PrometheusServer, match: string, label: string): Promise<Answer> {
  const answer = await prom.labelValues(match, label);
  if (answer.status !== 'success') return { ok: false, error: answer.error ?? JSON.stringify(answer) };
  return { ok: true, samples: answer.data!.map((v) => ({ labels: { [label]: v }, value: 1 })) };
}

/** node_exporter on the trees, on a loopback port, with its default collectors. */
interface Trees {
  procfs: string;
  sysfs: string;
  rootfs: string;
}

async function startNodeExporter(binary: string, trees: Trees): Promise<{ child: ChildProcess; address: string }> {
  const port = await freePort();
  const args = [
    `--path.procfs=${trees.procfs}`,
    `--path.sysfs=${trees.sysfs}`,
    `--path.rootfs=${trees.rootfs}`,
    `--web.listen-address=127.0.0.1:${port}`,
    ...DASHBOARD_COLLECTORS.map((c) => `--collector.${c}`),
    ...VERSION_FLAGS,
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`node_exporter exited: ${log}`);
    try {
      if ((await get(`http://127.0.0.1:${port}/metrics`)).status === 200) return { child, address: `127.0.0.1:${port}` };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`node_exporter did not answer: ${log}`);
}

const labelKey = (labels: Record<string, string>): string =>
  `{${Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',')}}`;

function sameValue(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** What is wrong with our answer to one query node_exporter answered, or undefined. */
function compareAnswers(entry: Entry, theirs: Sample[], ours: Sample[]): string | undefined {
  // node_exporter's own per-collector series for collectors this project does not have are not asked of ours.
  const expected = theirs.filter((s) => !(s.labels.collector in NOT_READ));
  if (expected.length === 0) return undefined;
  if (ours.length === 0) return 'no series from ours';
  const mine = new Map(asOf1_5(ours).map((s) => [labelKey(s.labels), s.value]));
  const other = new Map(expected.map((s) => [labelKey(s.labels), s.value]));
  const few = (keys: string[]): string => `${keys.slice(0, 4).join(' ')}${keys.length > 4 ? ` (+${keys.length - 4})` : ''}`;
  const onlyTheirs = [...other.keys()].filter((k) => !mine.has(k));
  const onlyOurs = [...mine.keys()].filter((k) => !other.has(k));
  const problems: string[] = [];
  if (onlyTheirs.length > 0) problems.push(`only node_exporter has ${few(onlyTheirs)}`);
  if (onlyOurs.length > 0) problems.push(`only ours has ${few(onlyOurs)}`);
  if (problems.length === 0 && entry.volatile === undefined) {
    const differing = [...other]
      .filter(([k, v]) => !sameValue(v, mine.get(k)!))
      .map(([k, v]) => `${k} ${mine.get(k)} (node_exporter ${v})`);
    if (differing.length > 0) problems.push(`values differ: ${few(differing)}`);
  }
  return problems.length === 0 ? undefined : problems.join('; ');
}

describe("Node Exporter Full and node-mixin queries: node_exporter's answers are ours", function () {
  this.timeout(180_000);
  const entries = loadEntries();
  let dir: string;
  let nodeExporter: { child: ChildProcess; address: string } | undefined;
  let ours: StartedExporter | undefined;
  const theirsProm: PrometheusServer[] = [];
  const oursProm: PrometheusServer[] = [];
  /** The fixture trees both read: the 6.18 capture (a copy of its procfs), its /sys and its root filesystem. */
  const trees: Trees = { procfs: '', sysfs: '', rootfs: '' };

  before(async function () {
    const prometheus = requireTool(this, 'prometheus');
    const nodeExporterBinary = requireTool(this, 'prometheus-node-exporter');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-node-queries-'));
    trees.procfs = path.join(dir, 'proc');
    fs.cpSync(TREE_6_18, trees.procfs, { recursive: true, verbatimSymlinks: true });
    trees.sysfs = SYSFS;
    trees.rootfs = ROOTFS;
    nodeExporter = await startNodeExporter(nodeExporterBinary, trees);
    ours = await startExporterProcess([
      '--config',
      '/dev/null',
      '--path.procfs',
      trees.procfs,
      '--path.sysfs',
      trees.sysfs,
      '--path.rootfs',
      trees.rootfs,
      ...DASHBOARD_COLLECTORS.map((c) => `--collector.${c}`),
    ]);
    theirsProm.push(new PrometheusServer(prometheus, path.join(dir, 'prom-node_exporter')));
    oursProm.push(new PrometheusServer(prometheus, path.join(dir, 'prom-ours')));
    await theirsProm[0].start({ job: JOB, address: nodeExporter.address, instance: INSTANCE });
    await oursProm[0].start({ job: JOB, address: ours.address, instance: INSTANCE });
    // Enough scrapes for every range in the list to hold two points or more.
    await Promise.all([theirsProm[0].waitForScrapes(JOB, 8), oursProm[0].waitForScrapes(JOB, 8)]);
  });

  after(async () => {
    await Promise.all([...theirsProm, ...oursProm].map((p) => p.stop()));
    nodeExporter?.child.kill('SIGKILL');
    await ours?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists valid queries, each once, with the variables replaced by concrete values', () => {
    expect(entries.filter((e) => e.source === 'dashboard').length).to.be.greaterThan(200);
    expect(entries.filter((e) => e.source === 'alert').length).to.be.greaterThan(15);
    expect(entries.filter((e) => e.source === 'rule').length).to.equal(11);
    for (const e of entries) expect(e.expr, `${e.source} ${e.name}`).to.not.match(/\$/);
    const keys = entries.map((e) => `${e.source} ${e.name} ${e.expr}`);
    expect(new Set(keys).size).to.equal(keys.length);
    for (const e of entries) if (e.needs !== undefined) expect(NOT_READ, `${e.name} needs ${e.needs}`).to.have.property(e.needs);
  });

  it('answers every query node_exporter answers, with the same label sets and, unless volatile, the same values', async () => {
    const time = Date.now() / 1000;
    const failures: string[] = [];
    const counts = { answeredByNodeExporter: 0, compared: 0, needsWhatWeDoNotRead: 0, notAnsweredByNodeExporter: 0 };
    for (const entry of entries) {
      const ask = (p: PrometheusServer): Promise<Answer> =>
        entry.labelValues ? labelValues(p, entry.labelValues.match, entry.labelValues.label) : queryAt(p, entry.expr, time);
      const [theirs, mine] = await Promise.all([ask(theirsProm[0]), ask(oursProm[0])]);
      const where = `${entry.source} ${entry.name}: ${entry.expr}`;
      if (!theirs.ok || !mine.ok) {
        failures.push(`${where}: not a valid query: ${theirs.ok ? '' : theirs.error} ${mine.ok ? '' : mine.error}`.trim());
        continue;
      }
      if (theirs.samples.length === 0) {
        counts.notAnsweredByNodeExporter++;
        continue;
      }
      counts.answeredByNodeExporter++;
      if (entry.needs !== undefined) {
        counts.needsWhatWeDoNotRead++;
        continue;
      }
      counts.compared++;
      const problem = compareAnswers(entry, theirs.samples, mine.samples);
      if (problem !== undefined) failures.push(`${where}: ${problem}`);
    }
    expect(failures, `queries node_exporter answers and ours does not (${JSON.stringify(counts)})`).to.deep.equal([]);
    // Not a vacuous pass: most of the list is answered on these fixtures, and compared.
    expect(counts.compared).to.be.greaterThan(180);
  });

  it('has every default collector of node_exporter, or lists it as reading what this project does not', async () => {
    const response = await get(`http://${nodeExporter!.address}/metrics`);
    const theirs = [...response.body.matchAll(/^node_scrape_collector_success\{collector="([^"]+)"\}/gm)].map((m) => m[1]);
    expect(theirs).to.include.members(['cpu', 'meminfo', 'netdev']);
    const missing = theirs.filter((name) => !(name in collectors) && !(name in NOT_READ) && !DASHBOARD_COLLECTORS.includes(name));
    expect(missing, "node_exporter's default collectors neither ours nor in NOT_READ").to.deep.equal([]);
    for (const name of Object.keys(NOT_READ)) expect(collectors, `NOT_READ lists ${name}, which is ours now`).to.not.have.property(name);
  });

  it("README's Coming from node_exporter names every collector this project does not read", () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const start = readme.indexOf('## Coming from node_exporter');
    expect(start, 'README section "Coming from node_exporter"').to.be.greaterThan(-1);
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    for (const name of Object.keys(NOT_READ)) expect(section, name).to.include(`\`${name}\``);
  });
});
