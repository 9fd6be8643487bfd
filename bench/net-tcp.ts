/**
 * Benchmark of the /proc/net/tcp parser (not a test):
 *
 *   npx tsx bench/net-tcp.ts [--rows 100000] [--repeat 7] [--connections 4000]
 *
 * 1. Generates a table of `--rows` rows in the kernel's exact format
 *    (get_tcp4_sock(): "%4d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %pK %lu %lu %u %u %d",
 *    each line padded to TMPSZ - 1 = 149 characters, the header likewise), with
 *    a mix of LISTEN, ESTABLISHED and TIME_WAIT rows over a few thousand
 *    addresses, and reports the median parse time of `--repeat` runs.
 * 2. Measures what the kernel takes to produce /proc/net/tcp here: it opens
 *    `--connections` loopback TCP connections (two rows each; 0 to skip),
 *    reads the live file `--repeat` times, takes the median, and scales the
 *    time per row to `--rows`. The sockets are closed at the end.
 *
 * The target (issue 3): parsing no slower than the kernel's own production
 * of a table of that size.
 */
import * as fs from 'fs';
import * as net from 'net';
import { performance } from 'perf_hooks';
import { parseTcp } from '../src/parsers/net/sockets';

interface Args {
  rows: number;
  repeat: number;
  connections: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { rows: 100_000, repeat: 7, connections: 4000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rows') args.rows = Number(argv[++i]);
    else if (a === '--repeat') args.repeat = Number(argv[++i]);
    else if (a === '--connections') args.connections = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const TMPSZ = 150;
const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).toUpperCase().padStart(width, '0');
}

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** A deterministic pseudo-random sequence (xorshift32), so every run parses the same table. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

export function generateTcpTable(rows: number): string {
  const next = rng(0x5eed);
  const parts: string[] = [pad(HEADER, TMPSZ - 1)];
  const local = [0x0100007f, 0x0e01a8c0, 0x00000000, 0x0a00000a];
  for (let i = 0; i < rows; i++) {
    const r = next();
    const kind = i < 20 ? 0 : r % 10 < 7 ? 1 : 2; // LISTEN, ESTABLISHED, TIME_WAIT
    const src = local[r & 3];
    const srcp = kind === 0 ? 1024 + i : [22, 80, 443, 5432][r & 3];
    const dest = kind === 0 ? 0 : (0x0a000000 + (next() % 4096)) >>> 0;
    const destp = kind === 0 ? 0 : 1024 + (next() % 60000);
    const sl = String(i).padStart(4);
    let line: string;
    if (kind === 2) {
      // get_timewait4_sock(): "%4d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5d %8d %d %d %pK"
      line = `${sl}: ${hex(src, 8)}:${hex(srcp, 4)} ${hex(dest, 8)}:${hex(destp, 4)} 06 00000000:00000000 03:${hex(next() % 6000, 8)} 00000000 ${'0'.padStart(5)} ${'0'.padStart(8)} 0 3 ${hex(next(), 8).toLowerCase().padStart(16, '0')}`;
    } else {
      const state = kind === 0 ? '0A' : '01';
      const uid = String([0, 33, 1000, 65534][r & 3]).padStart(5);
      const timer = kind === 1 && (r & 16) !== 0 ? `02:${hex(next() % 720000, 8)}` : '00:00000000';
      const inode = 10000 + i;
      const tail = kind === 0 ? '100 0 0 10 4096' : `${20 + (r % 200)} 4 ${r % 32} ${10 + (r % 90)} ${r % 5 === 0 ? -1 : 7 + (r % 100)}`;
      line = `${sl}: ${hex(src, 8)}:${hex(srcp, 4)} ${hex(dest, 8)}:${hex(destp, 4)} ${state} ${hex(r % 4096, 8)}:${hex(0, 8)} ${timer} 00000000 ${uid} ${'0'.padStart(8)} ${inode} 1 ${hex(next(), 8).toLowerCase().padStart(16, '0')} ${tail}`;
    }
    parts.push(pad(line, TMPSZ - 1));
  }
  return parts.join('\n') + '\n';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function openConnections(count: number): Promise<{ sockets: net.Socket[]; server?: net.Server }> {
  if (count <= 0) return { sockets: [] };
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => sockets.push(s));
  server.on('error', (error) => console.log(`server: ${error.message}`));
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
      console.log(`stopped opening connections at ${i}: ${(error as Error).message}`);
      break;
    }
  }
  return { sockets, server };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));

  const text = generateTcpTable(args.rows);
  const times: number[] = [];
  let parsed = 0;
  for (let r = 0; r < args.repeat; r++) {
    const start = performance.now();
    parsed = parseTcp(text).length;
    times.push(performance.now() - start);
  }
  if (parsed !== args.rows) throw new Error(`parsed ${parsed} rows, generated ${args.rows}`);
  const parseMs = median(times);
  console.log(`generated /proc/net/tcp: ${args.rows} rows, ${(text.length / 1e6).toFixed(1)} MB`);
  const bestMs = Math.min(...times);
  console.log(
    `parse: median ${parseMs.toFixed(1)} ms of ${args.repeat} runs (${((parseMs * 1e6) / args.rows).toFixed(0)} ns/row), ` +
      `best ${bestMs.toFixed(1)} ms (runs without a major GC); all runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
  );

  const { sockets, server } = await openConnections(args.connections);
  try {
    const reads: number[] = [];
    let liveRows = 0;
    for (let r = 0; r < args.repeat; r++) {
      const start = performance.now();
      const live = fs.readFileSync('/proc/net/tcp', 'utf8');
      reads.push(performance.now() - start);
      liveRows = live.split('\n').length - 2;
    }
    const readMs = median(reads);
    const scaled = (readMs / Math.max(liveRows, 1)) * args.rows;
    console.log(`live /proc/net/tcp: ${liveRows} rows, read median ${readMs.toFixed(2)} ms (${((readMs * 1e6) / Math.max(liveRows, 1)).toFixed(0)} ns/row) → ${scaled.toFixed(1)} ms scaled to ${args.rows} rows`);
    console.log(`parse / kernel: ${(parseMs / scaled).toFixed(2)}× (below 1: parsing is faster than the kernel produces the table)`);
  } finally {
    // A reset (SO_LINGER 0) leaves no TIME_WAIT rows behind to skew the next run.
    for (const s of sockets) s.resetAndDestroy();
    server?.close();
  }
}

if (require.main === module && !process.env.NET_TCP_BENCH_NO_MAIN) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
