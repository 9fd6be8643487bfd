/**
 * RSS per start path (issue 20): the exporter started each way a user starts
 * it — `npm start`, bin/proc-exporter.js run directly and as `node
 * bin/proc-exporter.js`, `npx proc-exporter`, and the image's ENTRYPOINT and
 * CMD (Dockerfile) run on the host with the host's trees in place of the
 * mounted ones — on a 127.0.0.1 port, scraped, then its VmRSS. A wrapper (npm,
 * npx, sh) is not counted: the figure is the process serving /metrics.
 * Target: ≤ 50 MB on every path. For scale, the RSS of a bare node doing
 * nothing (`node -e 'setInterval(() => {}, 1e6)'`), node's own floor, measured
 * in the same run. Every process started is stopped by its pid.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { log, sleep, type Options, type Report } from './runner';
import { stopChild, vmRssKb } from './support/exporter';
import { freePort, get, waitFor } from './support/http';
import { projectRoot } from './support/root';

const TARGET_MB = 50;

interface StartPath {
  name: string;
  /** The command, before the listen address appended to it. */
  argv: string[];
  env?: Record<string, string>;
}

/** The image's command line (ENTRYPOINT then CMD) as it would run on the host: /app is the project, /host/* the host's own trees. */
export function imageCommandOnHost(dockerfile: string, root: string): string[] {
  const last = (instruction: string): string[] => {
    const lines = [...dockerfile.matchAll(new RegExp(`^${instruction}\\s+(\\[.*\\])\\s*$`, 'gm'))];
    if (lines.length === 0) throw new Error(`Dockerfile: no ${instruction} in exec form`);
    return JSON.parse(lines[lines.length - 1][1]) as string[];
  };
  const onHost = (arg: string): string =>
    arg
      .replace(/=\/host\/root$/, '=/')
      .replace(/\/host\//, '/')
      .replace(/^\/app\//, `${root}/`)
      .replace(/=\/app\//, `=${root}/`);
  return [...last('ENTRYPOINT'), ...last('CMD')].map(onHost);
}

function startPaths(): StartPath[] {
  const bin = path.join(projectRoot, 'bin', 'proc-exporter.js');
  const dockerfile = fs.readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');
  return [
    { name: 'npm start', argv: ['npm', 'start', '--silent', '--'] },
    { name: 'bin/proc-exporter.js (run directly)', argv: [bin] },
    { name: 'node bin/proc-exporter.js', argv: [process.execPath, bin] },
    { name: 'npx proc-exporter', argv: ['npx', '--yes', 'proc-exporter'] },
    {
      name: "the image's ENTRYPOINT + CMD, on the host",
      argv: imageCommandOnHost(dockerfile, projectRoot),
      env: { NODE_ENV: 'production' },
    },
  ];
}

/** Descendants of `pid` (itself first), from /proc/<pid>/task/<tid>/children. */
function processTree(pid: number): number[] {
  const tree = [pid];
  let tasks: string[] = [];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return tree;
  }
  for (const tid of tasks) {
    let children = '';
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const child of children.split(' ').filter(Boolean)) tree.push(...processTree(Number(child)));
  }
  return tree;
}

/** The process of the tree that serves: the one holding the socket listening on `port` (net/tcp: local address, state 0A, inode). */
function servingProcess(root: number, port: number): number | undefined {
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set<string>();
  for (const line of fs.readFileSync(`/proc/${root}/net/tcp`, 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[1]?.endsWith(hexPort) && fields[3] === '0A') inodes.add(fields[9]);
  }
  for (const pid of processTree(root)) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? '')) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

/** Sends SIGTERM to the serving process (a wrapper then exits with it), then stops the wrapper by its own pid. */
async function stopPath(child: ChildProcess, serving: number | undefined): Promise<void> {
  if (serving !== undefined && serving !== child.pid) {
    try {
      process.kill(serving, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await stopChild(child);
}

async function measurePath(p: StartPath, o: Options, agent: http.Agent): Promise<{ rssKb: number; pid: number }> {
  const port = await freePort();
  const [command, ...args] = p.argv;
  const child = spawn(command, [...args, `--web.listen-address=127.0.0.1:${port}`], {
    cwd: projectRoot,
    env: { ...process.env, ...p.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  let serving: number | undefined;
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitFor(`${url}/healthz`, 60_000, agent).catch((error: Error) => {
      throw new Error(`${p.name}: ${error.message}\n${stderr}`);
    });
    const scrapes = o.quick ? 20 : 1000;
    for (let i = 0; i < scrapes; i++) await get(`${url}/metrics`, {}, agent);
    await sleep(o.quick ? 200 : 2000);
    serving = servingProcess(child.pid!, port);
    if (serving === undefined) throw new Error(`${p.name}: no process of the tree listens on port ${port}`);
    return { rssKb: vmRssKb(serving), pid: serving };
  } finally {
    await stopPath(child, serving);
  }
}

/** RSS of a bare node that does nothing, once it has settled. */
async function bareNodeRssKb(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e6)'], { stdio: 'ignore' });
  try {
    await sleep(1000);
    return vmRssKb(child.pid!);
  } finally {
    await stopChild(child);
  }
}

export async function benchStartPaths(o: Options, report: Report): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const details: Record<string, { command: string; rssKb: number }> = {};
  try {
    const bareKb = await bareNodeRssKb();
    log(`start paths: a bare node is at ${(bareKb / 1024).toFixed(1)} MB`);
    details['bare node'] = { command: "node -e 'setInterval(() => {}, 1e6)'", rssKb: bareKb };
    report.row({
      section: 'start paths',
      metric: "RSS, a bare node (node -e 'setInterval(…)'), for scale",
      value: bareKb / 1024,
      unit: 'MB',
      target: '',
    });
    log(`start paths: RSS of the exporter started each way, after ${o.quick ? 20 : 1000} scrapes…`);
    for (const p of startPaths()) {
      const { rssKb } = await measurePath(p, o, agent);
      const mb = rssKb / 1024;
      log(`  ${p.name}: ${mb.toFixed(1)} MB (${p.argv.join(' ')})`);
      details[p.name] = { command: p.argv.join(' '), rssKb };
      report.row({
        section: 'start paths',
        metric: `RSS, ${p.name}`,
        value: mb,
        unit: 'MB',
        target: `≤ ${TARGET_MB} MB`,
        pass: mb <= TARGET_MB,
      });
    }
  } finally {
    agent.destroy();
  }
  report.details.startPaths = details;
}
