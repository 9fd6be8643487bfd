/**
 * Figure 4, serving: autocannon on 127.0.0.1 against /metrics of a child
 * exporter started as the image runs it (after bench/memory.ts's scrapes on
 * the same child), and of prometheus-node-exporter with the equivalent
 * collectors when it is installed, and of a bare node:http server sending as
 * many bytes (the Node.js floor of bench/steady.ts, its reads done once at
 * start): the most /metrics could serve on this runtime. Targets: p99 ≤ 10 ms,
 * event loop ≤ 20 ms, ≥ 5 × node_exporter's requests per second, ≥ 0.5 × the
 * bare server's. Every child started here is stopped by its pid.
 */
import { spawn } from 'child_process';
import * as http from 'http';
import { measureDefaultFlagsMemory, measureScrapeMemory, memoryRows } from './memory';
import { log, sleep, type Options, type Report } from './runner';
import { defaultCollectors } from './support/collectors';
import { cpuMsOf, nodeExporterBinary, nodeExporterFlags, startOurExporter, stopChild, vmRssKb } from './support/exporter';
import { freePort, get, waitFor } from './support/http';
import { autocannon, type LoadResult } from './support/load';
import { startFloor } from './steady';

export async function benchServing(o: Options, report: Report): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  try {
    const ours = await oursUnderLoad(o, report, agent);
    await measureDefaultFlagsMemory(o, report, agent);
    const { load } = ours;
    report.row({
      section: 'serving',
      metric: `proc-exporter: requests/s (${o.connections} conn.)`,
      value: load.requestsPerS,
      unit: 'req/s',
      target: '',
    });
    report.row({
      section: 'serving',
      metric: 'proc-exporter: latency p50',
      value: load.p50Ms,
      unit: 'ms',
      target: '',
      display: load.p50Ms === 0 ? '< 1 ms' : undefined,
    });
    report.row({
      section: 'serving',
      metric: 'proc-exporter: latency p99',
      value: load.p99Ms,
      unit: 'ms',
      target: '≤ 10 ms',
      pass: load.p99Ms <= 10,
    });
    report.row({
      section: 'serving',
      metric: 'proc-exporter: max event-loop delay',
      value: ours.eventLoopMaxMs,
      unit: 'ms',
      target: '≤ 20 ms',
      pass: ours.eventLoopMaxMs <= 20,
    });
    report.row({ section: 'serving', metric: 'proc-exporter: CPU per request', value: ours.cpuMsPerRequest, unit: 'ms', target: '' });
    if (load.errors + load.non2xx > 0) log(`  WARNING: ${load.errors} errors, ${load.non2xx} non-2xx answers`);
    await againstBareNode(o, report, load);
    await againstNodeExporter(o, report, agent, load);
  } finally {
    agent.destroy();
  }
}

/** Our exporter: memory under sequential scrapes (bench/memory.ts), then the load. */
interface OursUnderLoad {
  load: LoadResult;
  cpuMsPerRequest: number;
  eventLoopMaxMs: number;
}

async function oursUnderLoad(o: Options, report: Report, agent: http.Agent): Promise<OursUnderLoad> {
  log(`serving: starting the exporter…`);
  const ours = await startOurExporter();
  const pid = ours.child.pid!;
  try {
    await waitFor(`${ours.url}/healthz`, 30_000, agent);
    const memory = await measureScrapeMemory(ours, o, report, agent);
    const metricsUrl = `${ours.url}/metrics`;
    log(`  autocannon: ${o.connections} connections, ${o.durationS} s against ${metricsUrl}…`);
    await ours.reset();
    const cpuBefore = cpuMsOf(pid);
    const load = await autocannon(metricsUrl, o.connections, o.durationS);
    const cpuMsPerRequest = (cpuMsOf(pid) - cpuBefore) / Math.max(load.requests, 1);
    const { eventLoopMaxMs, eventLoopP99Ms } = await ours.report();
    const rssAfterLoadKb = vmRssKb(pid);
    const latency = `p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms`;
    log(`  ours: ${load.requestsPerS.toFixed(0)} req/s, ${latency}, event loop max ${eventLoopMaxMs.toFixed(1)} ms`);
    const metricsBytes = (report.details.memory as { metricsBytes: number }).metricsBytes;
    report.details.serving = { ours: { ...load, cpuMsPerRequest, eventLoopMaxMs, eventLoopP99Ms, rssAfterLoadKb, metricsBytes } };
    memoryRows(report, o, memory, rssAfterLoadKb);
    return { load, cpuMsPerRequest, eventLoopMaxMs };
  } finally {
    await stopChild(ours.child);
  }
}

/** A bare node:http server answering with as many bytes as /metrics, under the same load. */
async function againstBareNode(o: Options, report: Report, ours: LoadResult): Promise<void> {
  const bytes = (report.details.memory as { metricsBytes: number }).metricsBytes;
  const bare = await startFloor(3600, bytes);
  try {
    await waitFor(bare.url, 30_000);
    const load = await autocannon(bare.url, o.connections, o.durationS);
    const ratio = ours.requestsPerS / Math.max(load.requestsPerS, 1);
    log(`  bare node:http, ${bytes} bytes: ${load.requestsPerS.toFixed(0)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms`);
    (report.details.serving as Record<string, unknown>).bareNode = load;
    report.row({
      section: 'serving',
      metric: `bare node:http, same bytes: requests/s`,
      value: load.requestsPerS,
      unit: 'req/s',
      target: '',
    });
    report.row({
      section: 'serving',
      metric: 'requests/s: proc-exporter / bare node:http',
      value: ratio,
      unit: '×',
      target: '≥ 0.5×',
      pass: ratio >= 0.5,
    });
  } finally {
    bare.stopping = true;
    await stopChild(bare.child);
  }
}

/** prometheus-node-exporter under the same load, and the ratio of requests per second. */
async function againstNodeExporter(o: Options, report: Report, agent: http.Agent, ours: LoadResult): Promise<void> {
  const binary = o.nodeExporter ? nodeExporterBinary() : undefined;
  if (binary === undefined) {
    if (o.nodeExporter) {
      log(
        'prometheus-node-exporter is not installed: to compare against it, install it' +
          ' (Debian/Ubuntu: `sudo apt-get install prometheus-node-exporter`) and run again.',
      );
    }
    report.row({
      section: 'serving',
      metric: 'node_exporter: not run (apt-get install prometheus-node-exporter)',
      value: null,
      unit: '',
      target: '',
    });
    report.row({ section: 'serving', metric: 'requests/s: proc-exporter / node_exporter', value: null, unit: '×', target: '≥ 5×' });
    return;
  }
  const { flags, missing, version } = nodeExporterFlags(binary);
  const port = await freePort();
  const args = [`--web.listen-address=127.0.0.1:${port}`, `--path.procfs=${defaultCollectors().config.procfs}`, ...flags];
  log(`node_exporter: ${version}; ${binary} ${args.join(' ')}${missing.length > 0 ? ` (no equivalent for: ${missing.join(', ')})` : ''}`);
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let neStderr = '';
  child.stderr.on('data', (c: Buffer) => (neStderr = (neStderr + c.toString()).slice(-4000)));
  try {
    const url = `http://127.0.0.1:${port}/metrics`;
    await waitFor(url, 15_000, agent).catch((error: Error) => {
      throw new Error(`${error.message}; node_exporter said: ${neStderr.slice(-500)}`);
    });
    const body = (await get(url, {}, agent)).body;
    let collectorSeconds = 0;
    for (const m of body.matchAll(/^node_scrape_collector_duration_seconds\{[^}]*\} (\S+)$/gm)) collectorSeconds += Number(m[1]);
    await sleep(500);
    const rssStart = vmRssKb(child.pid!);
    const cpuBefore = cpuMsOf(child.pid!);
    const load = await autocannon(url, o.connections, o.durationS);
    const cpuPerRequest = (cpuMsOf(child.pid!) - cpuBefore) / Math.max(load.requests, 1);
    const rssAfter = vmRssKb(child.pid!);
    const ratio = ours.requestsPerS / load.requestsPerS;
    const mb = (kb: number): string => (kb / 1024).toFixed(1);
    const latency = `p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms`;
    log(`  node_exporter: ${load.requestsPerS.toFixed(0)} req/s, ${latency}; RSS ${mb(rssStart)} → ${mb(rssAfter)} MB`);
    report.details.serving = {
      ...(report.details.serving as object),
      nodeExporter: {
        version,
        args,
        missing,
        ...load,
        cpuMsPerRequest: cpuPerRequest,
        rssStartKb: rssStart,
        rssAfterLoadKb: rssAfter,
        collectorSeconds,
        metricsBytes: Buffer.byteLength(body),
      },
      ratio,
    };
    const shortVersion = version.replace(/^node_exporter, version /, '').split(' ')[0];
    report.row({
      section: 'serving',
      metric: `node_exporter ${shortVersion}: requests/s`,
      value: load.requestsPerS,
      unit: 'req/s',
      target: '',
    });
    report.row({
      section: 'serving',
      metric: `node_exporter: latency p99 (p50 ${load.p50Ms} ms)`,
      value: load.p99Ms,
      unit: 'ms',
      target: '',
    });
    report.row({ section: 'serving', metric: 'node_exporter: CPU per request', value: cpuPerRequest, unit: 'ms', target: '' });
    report.row({
      section: 'serving',
      metric: 'node_exporter: collector time per scrape',
      value: collectorSeconds * 1000,
      unit: 'ms',
      target: '',
    });
    report.row({
      section: 'serving',
      metric: `node_exporter: RSS after load (start ${mb(rssStart)} MB)`,
      value: rssAfter / 1024,
      unit: 'MB',
      target: '',
    });
    report.row({
      section: 'serving',
      metric: `requests/s: proc-exporter / node_exporter${missing.length > 0 ? ` (ours also runs ${missing.join(', ')})` : ''}`,
      value: ratio,
      unit: '×',
      target: '≥ 5×',
      pass: ratio >= 5,
    });
  } finally {
    await stopChild(child);
  }
}
