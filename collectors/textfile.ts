/**
 * textfile: metrics from *.prom files in a directory (--collector.textfile.directory,
 * none by default), as node_exporter's textfile collector (on by default):
 * - each file is parsed and validated (Prometheus text format; client-side
 *   timestamps, duplicate series and invalid names are errors); a bad or
 *   unreadable file, or a directory that cannot be listed, sets
 *   node_textfile_scrape_error to 1 and that file is skipped whole;
 * - node_textfile_mtime_seconds{file="<dir>/<name>"} for every file read;
 * - a family without HELP gets "Metric read from <files>"; within a family every
 *   sample gets every label name the family uses ("" where absent), as
 *   node_exporter's convertMetricFamily does;
 * - a family that a file declares with another type or help than an earlier
 *   file makes that later file bad (node_exporter fails the whole gather then);
 * - bounds node_exporter does not have, so that a runaway file fails this
 *   collector (success 0, logged) instead of exhausting the heap: a file of
 *   more than MAX_FILE_BYTES, or more than MAX_SERIES samples in all.
 * The directory is outside procfs: it is read by `gather` through
 * src/procfs.ts (readDirectoryFiles), not by handlers.
 * node_exporter: collector/textfile.go.
 */
import {
  decodeTextFormat,
  defineCollector,
  FileTooLargeError,
  formatValue,
  parseBound,
  parseTextFormat,
  readDirectoryFiles,
  type CollectorInput,
  type DirectoryFile,
  type Labels,
  type MetricFamily,
  type ParsedFamily,
  type Sample,
} from '../src/collector';

/** The largest *.prom file read (a larger one fails the collector). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** The most samples exported from all files together (more fail the collector). */
export const MAX_SERIES = 250_000;

interface TextfileInput {
  /** The directory could not be listed. */
  directoryError?: string;
  files: DirectoryFile[];
}

interface Merged {
  type: ParsedFamily['type'];
  help?: string;
  files: string[];
  samples: ParsedFamily['samples'];
}

function sortedLabels(labels: Labels, names: readonly string[]): Labels {
  const out: Labels = {};
  for (const n of names) out[n] = labels[n] ?? '';
  return out;
}

function compareValues(a: Labels, b: Labels, names: readonly string[]): number {
  for (const n of names) if (a[n] !== b[n]) return a[n] < b[n] ? -1 : 1;
  return 0;
}

/** One merged family in node_exporter's output shape: labels sorted and completed, samples in client_golang's order. */
function toFamily(name: string, m: Merged): MetricFamily {
  const help = m.help ?? `Metric read from ${m.files.join(', ')}`;
  const isSpecial = (l: string): boolean => (m.type === 'histogram' && l === 'le') || (m.type === 'summary' && l === 'quantile');
  const names = [...new Set(m.samples.flatMap((s) => Object.keys(s.labels)).filter((l) => !isSpecial(l)))].sort();
  if (m.type !== 'histogram' && m.type !== 'summary') {
    const samples: Sample[] = m.samples.map((s) => ({ labels: sortedLabels(s.labels, names), value: s.value }));
    samples.sort((a, b) => compareValues(a.labels, b.labels, names));
    return { name, help, type: m.type, samples };
  }
  // Group by label set; write buckets (by le) or quantiles, then _sum and _count, as client_golang does.
  const groups = new Map<string, { labels: Labels; points: [number, number][]; sum: number; count: number }>();
  for (const s of m.samples) {
    const labels = sortedLabels(s.labels, names);
    const key = JSON.stringify(labels);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { labels, points: [], sum: 0, count: 0 }));
    if (s.name === `${name}_sum`) g.sum = s.value;
    else if (s.name === `${name}_count`) g.count = s.value;
    else g.points.push([parseBound(m.type === 'histogram' ? s.labels.le : s.labels.quantile), s.value]);
  }
  const samples: Sample[] = [];
  for (const g of [...groups.values()].sort((a, b) => compareValues(a.labels, b.labels, names))) {
    const points = g.points.sort((a, b) => a[0] - b[0]);
    if (m.type === 'histogram') {
      for (const [le, v] of points)
        if (le !== Infinity) samples.push({ name: `${name}_bucket`, labels: { ...g.labels, le: formatValue(le) }, value: v });
      samples.push({ name: `${name}_bucket`, labels: { ...g.labels, le: '+Inf' }, value: g.count });
    } else {
      for (const [q, v] of points) samples.push({ name, labels: { ...g.labels, quantile: formatValue(q) }, value: v });
    }
    samples.push({ name: `${name}_sum`, labels: g.labels, value: g.sum });
    samples.push({ name: `${name}_count`, labels: g.labels, value: g.count });
  }
  return { name, help, type: m.type, samples };
}

/** Parses and merges the files; returns the families, the mtimes of the files used, and whether any failed. */
export function textfileFamilies(input: TextfileInput): MetricFamily[] {
  let errored = input.directoryError !== undefined;
  const merged = new Map<string, Merged>();
  const mtimes: [string, number][] = [];
  let series = 0;
  for (const file of input.files) {
    if (file.bytes === undefined) {
      errored = true;
      continue;
    }
    let parsed: ParsedFamily[];
    try {
      parsed = parseTextFormat(decodeTextFormat(file.bytes));
      for (const f of parsed) {
        const seen = merged.get(f.name);
        if (seen && seen.type !== f.type) throw new Error(`${f.name} is a ${seen.type} in an earlier file`);
        if (seen && seen.help !== undefined && f.help !== undefined && seen.help !== f.help)
          throw new Error(`${f.name} has another help text in an earlier file`);
        if (f.name.startsWith('node_textfile_')) throw new Error(`${f.name} is the textfile collector's own metric`);
      }
    } catch {
      errored = true;
      continue;
    }
    for (const f of parsed) series += f.samples.length;
    if (series > MAX_SERIES)
      throw new Error(`${file.path}: more than ${MAX_SERIES} samples in the textfile directory (the textfile collector's limit)`);
    for (const f of parsed) {
      const seen = merged.get(f.name) ?? { type: f.type, files: [], samples: [] };
      seen.help ??= f.help;
      seen.files.push(file.path);
      // A loop, not push(...samples): a spread of 125,000 arguments or more overflows the stack.
      for (const sample of f.samples) seen.samples.push(sample);
      merged.set(f.name, seen);
    }
    mtimes.push([file.path, file.mtimeSeconds ?? 0]);
  }
  const families = [...merged].map(([name, m]) => toFamily(name, m));
  if (mtimes.length > 0) {
    families.push({
      name: 'node_textfile_mtime_seconds',
      help: 'Unixtime mtime of textfiles successfully read.',
      type: 'gauge',
      samples: mtimes.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([file, value]) => ({ labels: { file }, value })),
    });
  }
  families.push({
    name: 'node_textfile_scrape_error',
    help: '1 if there was an error opening or reading a file, 0 otherwise',
    type: 'gauge',
    samples: [{ labels: {}, value: errored ? 1 : 0 }],
  });
  return families;
}

export const textfile = defineCollector({
  name: 'textfile',
  description: 'Metrics from *.prom files in a directory (--collector.textfile.directory).',
  defaultEnabled: true,
  reads: {},
  options: {
    directory: { type: 'string', default: '', description: 'Directory to read text files with metrics from.' },
  },
  gather: async ({ options }): Promise<CollectorInput> => {
    const dir = typeof options.directory === 'string' ? options.directory : '';
    const input: TextfileInput = { files: [] };
    if (dir !== '') {
      try {
        input.files = await readDirectoryFiles(dir, '.prom', MAX_FILE_BYTES);
      } catch (error) {
        if (error instanceof FileTooLargeError) throw new Error(`${error.message} (the textfile collector's limit per file)`);
        input.directoryError = (error as Error).message;
      }
    }
    return { textfile: [input] };
  },
  familyNames: ['<the families of directory/*.prom>', 'node_textfile_mtime_seconds{file}', 'node_textfile_scrape_error'],
  families: (input) => textfileFamilies((input.textfile?.[0] as TextfileInput | undefined) ?? { files: [] }),
  metrics: [],
});
