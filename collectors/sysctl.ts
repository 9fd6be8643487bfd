/**
 * sysctl: the /proc/sys files the user names, as node_exporter's sysctl
 * collector (off by default; it exports nothing until given names):
 *
 * - `--collector.sysctl.include NAME` (repeatable; config key `include`, a
 *   list): the file's integer values. One value: node_sysctl_<NAME>; several:
 *   node_sysctl_<NAME>{index="0"…}; `NAME:key1,key2,…` names the values
 *   instead, node_sysctl_<NAME>_<key> (help "sysctl NAME, field N"), and
 *   their number must match. Untyped, help "sysctl NAME".
 * - `--collector.sysctl.include-info NAME` (key `includeInfo`): the values as
 *   text, node_sysctl_info{name,value,index} = 1 (a gauge, help "sysctl info").
 *
 * NAME is dotted (`net.ipv4.tcp_rmem` is /proc/sys/net/ipv4/tcp_rmem); in the
 * metric name every run of characters other than letters, digits and `_` is
 * one `_`, as node_exporter's SanitizeMetricName. Integers are read as procfs
 * reads them (Go's ParseInt with base 0: src/parsers/sys/sysctl.ts). A file
 * that is missing, empty, not integers where integers are asked, or whose
 * value count does not match its keys fails the run with the reason, as
 * there. node_exporter reads at most 128 bytes of each file
 * (procfs SysReadFile); this reads the whole file.
 * node_exporter: collector/sysctl_linux.go (procfs proc_sys.go).
 */
import { sysctlInts, sysctlPath, sysctlStrings } from '../src/parsers/formats/sysctl-values';
import { defineCollector, isGone, mapping, type CollectorInput, type GatherContext, type ProcFs } from '../src/collector';

interface SysctlRow {
  kind: 'single' | 'indexed' | 'info';
  metric: string;
  help: string;
  /** The sysctl's dotted name (info's `name` label). */
  sysctl: string;
  index: string;
  /** The value as text (info's `value` label). */
  text: string;
  value: number;
}

/** node_exporter's SanitizeMetricName. */
function sanitize(name: string): string {
  return name.replace(/_*[^0-9A-Za-z_]+_*/g, '_');
}

async function readSysctl(procfs: ProcFs, name: string): Promise<string> {
  const relative = sysctlPath(name);
  try {
    return await procfs.readTextAsync(relative);
  } catch (error) {
    if (isGone(error)) throw new Error(`error obtaining sysctl info: ${procfs.root}/${relative}: no such file`);
    throw error;
  }
}

async function numericRows(procfs: ProcFs, include: string): Promise<SysctlRow[]> {
  const colon = include.indexOf(':');
  const name = colon < 0 ? include : include.slice(0, colon);
  const keys = colon < 0 ? [] : include.slice(colon + 1).split(',');
  const values = sysctlInts(await readSysctl(procfs, name), `${procfs.root}/${sysctlPath(name)}`);
  const metric = `node_sysctl_${sanitize(name)}`;
  const help = `sysctl ${name}`;
  const row = (kind: SysctlRow['kind'], value: number, index = ''): SysctlRow => ({
    kind,
    metric,
    help,
    sysctl: name,
    index,
    text: '',
    value,
  });
  if (values.length === 0) throw new Error(`sysctl ${name} has no values`);
  if (values.length === 1) {
    if (keys.length > 0) throw new Error(`sysctl ${name} has only one value, but expected [${keys.join(' ')}]`);
    return [row('single', values[0])];
  }
  if (keys.length === 0) return values.map((v, i) => row('indexed', v, String(i)));
  if (keys.length !== values.length) throw new Error(`sysctl ${name} has ${values.length} values but ${keys.length} keys`);
  return values.map((v, i) => ({ ...row('single', v), metric: `${metric}_${keys[i]}`, help: `sysctl ${name}, field ${i}` }));
}

async function infoRows(procfs: ProcFs, include: string): Promise<SysctlRow[]> {
  const colon = include.indexOf(':');
  const name = colon < 0 ? include : include.slice(0, colon);
  const values = sysctlStrings(await readSysctl(procfs, name));
  if (values.length === 0) throw new Error(`sysctl ${name} has no values`);
  if (colon >= 0 && values.length > 1) throw new Error(`sysctl ${name}: mapped sysctl string values not supported`);
  const keys = include.slice(colon + 1).split(',');
  if (colon >= 0) throw new Error(`sysctl ${name} has only one value, but expected [${keys.join(' ')}]`);
  return values.map((text, i): SysctlRow => ({
    kind: 'info',
    metric: 'node_sysctl_info',
    help: 'sysctl info',
    sysctl: name,
    index: String(i),
    text,
    value: 1,
  }));
}

async function gatherSysctl({ procfs, options }: GatherContext): Promise<CollectorInput> {
  const rows: SysctlRow[] = [];
  for (const include of (options.include ?? []) as readonly string[]) rows.push(...(await numericRows(procfs, include)));
  for (const include of (options.includeInfo ?? []) as readonly string[]) rows.push(...(await infoRows(procfs, include)));
  return { sysctl: rows };
}

const untyped = (kind: SysctlRow['kind'], labels?: Record<string, string>) =>
  mapping<SysctlRow>({
    from: 'sysctl',
    where: (r) => r.kind === kind,
    name: ({ record }) => record.metric,
    namePattern: 'node_sysctl_<name>',
    help: ({ record }) => record.help,
    type: 'untyped',
    labels,
    value: 'value',
  });

export const sysctl = defineCollector({
  name: 'sysctl',
  description: 'Chosen sysctls as numbers or info labels (/proc/sys/*).',
  defaultEnabled: false,
  reads: {},
  options: {
    include: { type: 'list', default: [], description: 'Select sysctl metrics to include' },
    includeInfo: { type: 'list', default: [], description: 'Select sysctl metrics to include as info metrics' },
  },
  gather: gatherSysctl,
  metrics: [
    untyped('single'),
    untyped('indexed', { index: 'index' }),
    mapping<SysctlRow>({
      from: 'sysctl',
      where: (r) => r.kind === 'info',
      name: 'node_sysctl_info',
      help: 'sysctl info',
      type: 'gauge',
      labels: { index: 'index', name: 'sysctl', value: 'text' },
      value: 'value',
    }),
  ],
});
