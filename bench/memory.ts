/**
 * Figure 5, memory: RSS (/proc/<pid>/status VmRSS) and heap after a forced GC
 * of the child exporter after start, after the 1/10th and the last of
 * `--scrapes` sequential scrapes, and after the load of bench/serving.ts
 * (which runs both on one child, memory first). Targets: RSS ≤ 50 MB, flat
 * over the scrapes: growth between the two marks (scrape 1k and 10k by default) < 5 %. For comparison, the same scrapes with no node
 * flag on the command line: what `node bin/proc-exporter.js` gets, the exporter's own V8 settings
 * (src/exporter/memory-settings.ts) only.
 */
import type * as http from 'http';
import { performance } from 'perf_hooks';
import { log, sleep, type Options, type Report } from './runner';
import { imageNodeFlags, startOurExporter, stopChild, vmRssKb, type OurExporter } from './support/exporter';
import { get, waitFor } from './support/http';
import { scrapeMany } from './support/load';

/** Issue 20: however it is started (bench/start-paths.ts measures each way). */
const RSS_TARGET_MB = 50;

interface MemoryMark {
  rssKb: number;
  heapBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
}

/** What the scrapes measured, for the rows written once the load has run. */
export interface ScrapeMemory {
  rssStartKb: number;
  heapStartBytes: number;
  /** The first mark: scrape count after which memory is compared to the end. */
  mark1: number;
  marks: Record<number, MemoryMark>;
}

/** Scrapes `ours` `o.scrapes` times, four at a time, and records its memory at the two marks. */
export async function measureScrapeMemory(ours: OurExporter, o: Options, report: Report, agent: http.Agent): Promise<ScrapeMemory> {
  const pid = ours.child.pid!;
  const metricsUrl = `${ours.url}/metrics`;
  const bytes = Buffer.byteLength((await get(metricsUrl, {}, agent)).body);
  await sleep(1000);
  const rssStartKb = vmRssKb(pid);
  const heapStartBytes = (await ours.report()).heapUsedBytes;
  const mark1 = Math.max(1, Math.round(o.scrapes / 10));
  const marks: Record<number, MemoryMark> = {};
  log(`  ${o.scrapes} scrapes of ${bytes} bytes (RSS at start ${(rssStartKb / 1024).toFixed(1)} MB)…`);
  const started = performance.now();
  const at = async (n: number): Promise<void> => {
    const probe = await ours.report();
    marks[n] = {
      rssKb: vmRssKb(pid),
      heapBytes: probe.heapUsedBytes,
      heapTotalBytes: probe.heapTotalBytes,
      externalBytes: probe.externalBytes,
    };
    log(
      `  after ${n} scrapes: RSS ${(marks[n].rssKb / 1024).toFixed(1)} MB, heap after GC ${(probe.heapUsedBytes / 1048576).toFixed(1)} MB` +
        ` (V8 heap total ${(probe.heapTotalBytes / 1048576).toFixed(1)} MB, external ${(probe.externalBytes / 1048576).toFixed(1)} MB)`,
    );
  };
  await scrapeMany(metricsUrl, o.scrapes, [mark1, o.scrapes], at, agent);
  const scrapeSeconds = (performance.now() - started) / 1000;
  report.details.memory = { rssStartKb, heapStartBytes, marks, scrapes: o.scrapes, scrapeSeconds, metricsBytes: bytes };
  return { rssStartKb, heapStartBytes, mark1, marks };
}

/** The memory rows of the scrapes, and of the RSS after the load (`rssAfterLoadKb`). */
export function memoryRows(report: Report, o: Options, m: ScrapeMemory, rssAfterLoadKb: number): void {
  const first = m.marks[m.mark1];
  const last = m.marks[o.scrapes];
  const rssGrowth = ((last.rssKb - first.rssKb) / first.rssKb) * 100;
  const heapGrowth = ((last.heapBytes - first.heapBytes) / first.heapBytes) * 100;
  const mb = (bytes: number): string => (bytes / 1048576).toFixed(1);
  const flags = imageNodeFlags().join(' ') || 'defaults';
  report.row({
    section: 'memory',
    metric: `RSS after start (node ${flags}, as the image runs it)`,
    value: m.rssStartKb / 1024,
    unit: 'MB',
    target: '',
  });
  report.row({
    section: 'memory',
    metric: `RSS after ${o.scrapes} scrapes`,
    value: last.rssKb / 1024,
    unit: 'MB',
    target: `≤ ${RSS_TARGET_MB} MB`,
    pass: last.rssKb / 1024 <= RSS_TARGET_MB,
  });
  report.row({
    section: 'memory',
    metric: `RSS growth, scrape ${m.mark1} → ${o.scrapes}`,
    value: rssGrowth,
    unit: '%',
    target: '< 5%',
    pass: rssGrowth < 5,
  });
  report.row({
    section: 'memory',
    metric: `heap used after GC: start / ${m.mark1} / ${o.scrapes} (${mb(m.heapStartBytes)} / ${mb(first.heapBytes)} / …)`,
    value: last.heapBytes / 1048576,
    unit: 'MB',
    target: '',
  });
  report.row({
    section: 'memory',
    metric: `heap growth after GC, scrape ${m.mark1} → ${o.scrapes}`,
    value: heapGrowth,
    unit: '%',
    target: '< 5%',
    pass: heapGrowth < 5,
  });
  report.row({
    section: 'memory',
    metric: `RSS after the ${o.durationS} s load`,
    value: rssAfterLoadKb / 1024,
    unit: 'MB',
    target: `≤ ${RSS_TARGET_MB} MB`,
    pass: rssAfterLoadKb / 1024 <= RSS_TARGET_MB,
  });
}

/** The same scrapes on an exporter started with no node flag, its own V8 settings only (a comparison, not a target). */
export async function measureDefaultFlagsMemory(o: Options, report: Report, agent: http.Agent): Promise<void> {
  if (imageNodeFlags().length === 0) return;
  const plain = await startOurExporter([]);
  try {
    await waitFor(`${plain.url}/healthz`, 30_000, agent);
    await scrapeMany(`${plain.url}/metrics`, o.scrapes, [o.scrapes], () => Promise.resolve(), agent);
    const rss = vmRssKb(plain.child.pid!);
    log(`  with no node flag on the command line: RSS ${(rss / 1024).toFixed(1)} MB after ${o.scrapes} scrapes`);
    (report.details.memory as Record<string, unknown>).defaultFlagsRssKb = rss;
    report.row({
      section: 'memory',
      metric: `RSS after ${o.scrapes} scrapes, no node flag (the exporter's own settings only)`,
      value: rss / 1024,
      unit: 'MB',
      target: '',
    });
  } finally {
    await stopChild(plain.child);
  }
}
