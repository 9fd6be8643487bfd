/**
 * Figure 1, parse: throughput of the hot handlers on large inputs in the
 * kernel's exact formats (bench/generate.ts), and parse time / time to read
 * the same bytes from the live /proc file (scaled by size). Targets: kallsyms
 * and net/tcp parse no slower than the kernel prints them (issue 8).
 */
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { getHandler } from '../src/registry';
import { generateDiskstats, generateInterrupts, generateMountinfo, generateSmaps, generateSoftirqs, generateTcpTable } from './generate';
import { collectGarbage, log, median, type Options, type Report } from './runner';
import { projectRoot } from './support/root';

/**
 * Reads a file's bytes into `buffer` (no decoding): what the kernel takes to
 * produce them, plus the syscalls. Returns the byte count (at most the buffer's size).
 */
function readBytes(file: string, buffer: Buffer): number {
  const fd = fs.openSync(file, 'r');
  try {
    let total = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, total, Math.min(buffer.length - total, 1024 * 1024), null);
      if (n === 0) return total;
      total += n;
      if (total >= buffer.length) return total;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** `count` loopback TCP connections to a server of our own, so that the live /proc/net/tcp has rows to read. */
async function openConnections(count: number): Promise<{ sockets: net.Socket[]; server?: net.Server }> {
  if (count <= 0) return { sockets: [] };
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => sockets.push(s));
  server.on('error', (error) => log(`loopback server: ${error.message}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  for (let i = 0; i < count; i++) {
    try {
      const s = net.connect(port, '127.0.0.1');
      await new Promise<void>((resolve, reject) => {
        s.once('connect', resolve);
        s.once('error', reject);
      });
      sockets.push(s);
    } catch (error) {
      log(`stopped opening connections at ${i}: ${(error as Error).message}`);
      break;
    }
  }
  return { sockets, server };
}

interface ParseCase {
  handler: string;
  label: string;
  text: string;
  live?: string;
  /** Target on the parse / kernel ratio (issue 8: kallsyms and net/tcp). */
  ratioTarget?: number;
}

export async function benchParse(o: Options, report: Report): Promise<void> {
  const buffer = Buffer.allocUnsafe(64 * 1024 * 1024);
  log('parse: generating inputs…');
  const kallsymsText = fs.readFileSync(path.join(projectRoot, 'fixtures', 'proc', 'kallsyms'), 'utf8');
  const kallsyms = o.quick ? kallsymsText.split('\n').slice(0, 5000).join('\n') + '\n' : kallsymsText;
  const kallsymsLines = kallsyms.split('\n').length - 1;
  const n = o.quick
    ? { tcp: 2000, smaps: 200, mounts: 200, cpus: 16, disks: 50, connections: 100 }
    : { tcp: 100_000, smaps: 5000, mounts: 5000, cpus: 256, disks: 1000, connections: 4000 };
  const cases: ParseCase[] = [
    { handler: 'kallsyms', label: `kallsyms (${kallsymsLines} lines)`, text: kallsyms, live: '/proc/kallsyms', ratioTarget: 1 },
    { handler: 'net/tcp', label: `net/tcp (${n.tcp} rows)`, text: generateTcpTable(n.tcp), live: '/proc/net/tcp', ratioTarget: 1 },
    { handler: 'pid/smaps', label: `smaps (${n.smaps} mappings)`, text: generateSmaps(n.smaps), live: '/proc/self/smaps' },
    { handler: 'pid/mountinfo', label: `mountinfo (${n.mounts} mounts)`, text: generateMountinfo(n.mounts), live: '/proc/self/mountinfo' },
    { handler: 'interrupts', label: `interrupts (${n.cpus} CPUs)`, text: generateInterrupts(n.cpus), live: '/proc/interrupts' },
    { handler: 'softirqs', label: `softirqs (${n.cpus} CPUs)`, text: generateSoftirqs(n.cpus), live: '/proc/softirqs' },
    { handler: 'diskstats', label: `diskstats (${n.disks} devices)`, text: generateDiskstats(n.disks), live: '/proc/diskstats' },
  ];
  // Loopback connections make the live /proc/net/tcp long enough to time per byte.
  const { sockets, server } = await openConnections(n.connections);
  const out: Record<string, unknown>[] = [];
  try {
    for (const c of cases) {
      const handler = getHandler(c.handler);
      if (!handler) throw new Error(`unknown handler ${c.handler}`);
      const bytes = Buffer.byteLength(c.text);
      const repeat = o.quick ? 3 : bytes > 2_000_000 ? 9 : 15;
      let records = handler.parse(c.text, c.handler).length; // warm-up (and a check that it parses)
      const live = c.live !== undefined && fs.existsSync(c.live) ? c.live : undefined;
      if (live !== undefined) readBytes(live, buffer);
      // Parse runs and live reads alternate, so that a load change on the machine hits both alike.
      const times: number[] = [];
      const reads: number[] = [];
      let liveBytes: number | undefined;
      for (let r = 0; r < repeat; r++) {
        // Each run starts from a clean heap: the previous run's records are not collected on this one's time.
        collectGarbage();
        const start = performance.now();
        records = handler.parse(c.text, c.handler).length;
        times.push(performance.now() - start);
        if (live === undefined) continue;
        for (let k = 0; k < 3; k++) {
          const readStart = performance.now();
          liveBytes = readBytes(live, buffer);
          reads.push(performance.now() - readStart);
        }
      }
      const parseMs = median(times);
      const mbs = bytes / 1e6 / (parseMs / 1000);
      const readMs = live === undefined ? undefined : median(reads);
      const scaledMs = readMs !== undefined && liveBytes! > 0 ? (readMs * bytes) / liveBytes! : undefined;
      const ratio = scaledMs === undefined ? null : parseMs / scaledMs;
      out.push({
        handler: c.handler,
        bytes,
        records,
        parseMs,
        times,
        mbPerS: mbs,
        live: c.live,
        liveBytes,
        liveReadMs: readMs,
        scaledReadMs: scaledMs,
        ratio,
      });
      log(
        `  ${c.label}: ${(bytes / 1e6).toFixed(2)} MB, ${records} records, parse ${parseMs.toFixed(2)} ms (${mbs.toFixed(0)} MB/s)` +
          (readMs !== undefined
            ? `; live ${c.live} ${liveBytes} B read in ${readMs.toFixed(3)} ms → ${scaledMs!.toFixed(2)} ms scaled`
            : ''),
      );
      report.row({ section: 'parse', metric: `${c.label}: throughput`, value: mbs, unit: 'MB/s', target: '' });
      report.row({
        section: 'parse',
        metric: `${c.label}: parse / kernel read`,
        value: ratio,
        unit: '×',
        target: c.ratioTarget === undefined ? '' : `≤ ${c.ratioTarget.toFixed(1)}×`,
        pass: c.ratioTarget === undefined || ratio === null ? undefined : ratio <= c.ratioTarget,
      });
    }
  } finally {
    for (const s of sockets) s.resetAndDestroy();
    server?.close();
  }
  report.details.parse = out;
}
