/**
 * Collectors whose files a procfs tree lacks (the kernel has no such file, the
 * capture did not include it, a driver is not loaded), derived rather than
 * listed: every collector is run once on the tree by the real command, and
 * those whose run failed as "file not present" (MissingFileError) are absent,
 * with the missing file as the reason. node_exporter fails these runs too
 * (node_scrape_collector_success 0); the golden files record it.
 */
import { collectors } from '../../collectors/index';
import { runExporter } from '../exporter/helpers';

const cache = new Map<string, Record<string, string>>();

/** The /sys and root filesystem read with a procfs tree (default: the exporter's defaults, /sys and /). */
export interface OtherTrees {
  sysfs?: string;
  rootfs?: string;
}

/** Collector name → the file its run found missing, for the procfs tree at `root` (with `trees`' /sys and root filesystem). */
export function absentCollectors(root: string, trees: OtherTrees = {}): Record<string, string> {
  const key = JSON.stringify([root, trees.sysfs, trees.rootfs]);
  const known = cache.get(key);
  if (known) return known;
  const names = Object.keys(collectors);
  const paths = [...(trees.sysfs ? ['--path.sysfs', trees.sysfs] : []), ...(trees.rootfs ? ['--path.rootfs', trees.rootfs] : [])];
  const result = runExporter([
    '--once',
    '--config',
    '/dev/null',
    '--path.procfs',
    root,
    ...paths,
    '--log.level',
    'debug',
    '--log.format',
    'json',
    '--collector.disable-defaults',
    ...names.map((n) => `--collector.${n}`),
  ]);
  if (result.status !== 0) throw new Error(`proc-exporter --once on ${root} failed: ${result.stderr}`);
  const absent: Record<string, string> = {};
  for (const line of result.stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; collector?: string; err?: string };
    if (entry.msg === 'collector failed: file not present' && entry.collector !== undefined) absent[entry.collector] = entry.err ?? '';
  }
  cache.set(key, absent);
  return absent;
}
