/**
 * Peak memory of concurrent /dump requests (issue 13: 10 concurrent
 * /dump/kallsyms peaked at 258 MB RSS, over the chart's 128Mi limit).
 *
 *   npm run build && node dist/bench/dump-memory.js [--procfs DIR] [--file kallsyms] [--clients 10] [--rounds 3]
 *     [--format json|csv|html]
 *
 * Starts the exporter as the image runs it (same V8 heap flags; NODE_HEAP_FLAGS
 * replaces them) on 127.0.0.1
 * with the procfs root given (default: the fixture capture, whose kallsyms is
 * 5.4 MB / 122k symbols), sends `clients` requests for /dump/<file> at once,
 * `rounds` times, and prints the child's peak RSS (VmHWM of
 * /proc/<pid>/status) before and after, with the statuses. The child is
 * stopped by its pid.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { projectRoot } from '../test/support/fixtures';

interface Options {
  procfs: string;
  file: string;
  clients: number;
  rounds: number;
  format: string;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { procfs: path.join(projectRoot, 'fixtures', 'proc'), file: 'kallsyms', clients: 10, rounds: 3, format: 'json' };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[++i];
    if (value === undefined) throw new Error(`${argv[i - 1]}: missing value`);
    switch (argv[i - 1]) {
      case '--procfs':
        o.procfs = value;
        break;
      case '--file':
        o.file = value;
        break;
      case '--clients':
        o.clients = Number(value);
        break;
      case '--rounds':
        o.rounds = Number(value);
        break;
      case '--format':
        o.format = value;
        break;
      default:
        throw new Error(`unknown option ${argv[i - 1]}`);
    }
  }
  return o;
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(m[1]);
}

function fetchLength(url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      })
      .on('error', reject);
  });
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dump-memory-')), 'config.yaml');
  fs.writeFileSync(config, 'dump:\n  enabled: true\n');
  const child = spawn(
    process.execPath,
    [
      ...(process.env.NODE_HEAP_FLAGS ?? '--max-semi-space-size=1 --max-old-space-size=256').split(' '),
      path.join(projectRoot, 'dist', 'src', 'exporter', 'main.js'),
      `--config=${config}`,
      `--path.procfs=${o.procfs}`,
      '--web.listen-address=127.0.0.1:0',
      '--web.max-requests=0',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        const m = /"msg":"listening"/.test(stderr) ? /"address":"([^"]+)"/.exec(stderr) : null;
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exporter exited with ${code}: ${stderr}`)));
    });
    await new Promise((r) => setTimeout(r, 1500));
    const pid = child.pid!;
    const before = statusKb(pid, 'VmHWM');
    console.log(`exporter pid ${pid} on ${address}, procfs ${o.procfs}; peak RSS after start ${(before / 1024).toFixed(1)} MB`);
    const url = `http://${address}/dump/${o.file}?format=${o.format}`;
    for (let round = 1; round <= o.rounds; round++) {
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: o.clients }, () => fetchLength(url)));
      const statuses = answers.reduce<Record<number, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});
      console.log(
        `round ${round}: ${o.clients} concurrent GET /dump/${o.file}?format=${o.format} → ${JSON.stringify(statuses)}, ` +
          `${(answers[0].bytes / 1048576).toFixed(1)} MB each, ${Date.now() - started} ms; ` +
          `peak RSS so far ${(statusKb(pid, 'VmHWM') / 1024).toFixed(1)} MB, RSS now ${(statusKb(pid, 'VmRSS') / 1024).toFixed(1)} MB`,
      );
    }
    console.log(`peak RSS: ${(statusKb(pid, 'VmHWM') / 1024).toFixed(1)} MB (after start ${(before / 1024).toFixed(1)} MB)`);
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(path.dirname(config), { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`dump-memory: ${error.message}`);
  process.exitCode = 2;
});
