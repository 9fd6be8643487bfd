/**
 * Child processes of the serving and memory measurements (bench/serving.ts,
 * bench/memory.ts): the exporter started as the image runs it, with
 * bench/probe.ts preloaded to answer over IPC; prometheus-node-exporter with
 * the collectors our default config enables; their RSS and CPU time; and
 * stopping them by their own pid.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { ProbeReport } from '../probe';
import { defaultCollectors } from './collectors';
import { FROM_SOURCE, projectRoot } from './root';

/** VmRSS of a process (/proc/<pid>/status), in kB. */
export function vmRssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return m ? Number(m[1]) : NaN;
}

/** utime + stime of a process, in milliseconds. */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(f[11]) + Number(f[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Stops a child started here, by its own pid: SIGTERM, then SIGKILL after 5 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface OurExporter {
  child: ChildProcess;
  url: string;
  report(): Promise<ProbeReport>;
  reset(): Promise<void>;
}

/**
 * The node flags the image runs the exporter with (Dockerfile ENTRYPOINT, between
 * "node" and main.js): the benchmark measures the exporter as it is shipped.
 */
export function imageNodeFlags(): string[] {
  try {
    const dockerfile = fs.readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');
    const entrypoints = [...dockerfile.matchAll(/^ENTRYPOINT\s+(\[.*\])\s*$/gm)];
    const argv = JSON.parse(entrypoints[entrypoints.length - 1][1]) as string[];
    const main = argv.findIndex((a) => a.endsWith('main.js'));
    return argv[0] === 'node' && main > 0 ? argv.slice(1, main) : [];
  } catch {
    return [];
  }
}

export function startOurExporter(v8Flags: readonly string[] = imageNodeFlags()): Promise<OurExporter> {
  const main = FROM_SOURCE
    ? path.join(projectRoot, 'src', 'exporter', 'main.ts')
    : path.join(projectRoot, 'dist', 'src', 'exporter', 'main.js');
  const probe = FROM_SOURCE ? path.join(projectRoot, 'bench', 'probe.ts') : path.join(projectRoot, 'dist', 'bench', 'probe.js');
  const nodeArgs = [...v8Flags, '--expose-gc', ...(FROM_SOURCE ? ['--require', 'tsx/cjs'] : []), '--require', probe];
  // JSON log lines: the "listening" record is parsed for the address.
  const child = spawn(process.execPath, [...nodeArgs, main, '--web.listen-address=127.0.0.1:0', '--log.format=json'], {
    cwd: projectRoot,
    env: { ...process.env, PROC_EXPORTER_PAGE_SIZE: '4096' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const ask = <T>(cmd: string, key: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`probe: no answer to ${cmd}`)), 10_000);
      const onMessage = (m: Record<string, unknown>): void => {
        if (!(key in m)) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m[key] as T);
      };
      child.on('message', onMessage);
      child.send({ cmd });
    });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`exporter did not start: ${stderr.slice(0, 2000)}`));
    }, 30_000);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
      for (const line of stderr.split('\n')) {
        if (!line.includes('"listening"')) continue;
        try {
          const record = JSON.parse(line) as { address?: string };
          if (record.address === undefined) continue;
          clearTimeout(timer);
          stderr = '';
          resolve({
            child,
            url: `http://${record.address}`,
            report: () => ask<ProbeReport>('report', 'report'),
            reset: () => ask<boolean>('reset', 'reset').then(() => undefined),
          });
          return;
        } catch {
          // a partial line
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exporter exited (${code}): ${stderr.slice(0, 2000)}`));
    });
  });
}

export function nodeExporterBinary(): string | undefined {
  for (const candidate of ['/usr/bin/prometheus-node-exporter', '/usr/local/bin/node_exporter', '/usr/bin/node_exporter']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** node_exporter flags for the collectors (and options) our default config enables. */
export function nodeExporterFlags(binary: string): { flags: string[]; missing: string[]; version: string } {
  const help = spawnSync(binary, ['--help'], { encoding: 'utf8' });
  const text = `${help.stdout}${help.stderr}`;
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const { scheduled } = defaultCollectors();
  const flags = ['--collector.disable-defaults'];
  const missing: string[] = [];
  for (const c of scheduled) {
    const name = c.definition.name;
    if (!text.includes(`--collector.${name} `)) {
      missing.push(name);
      continue;
    }
    flags.push(`--collector.${name}`);
    for (const [option, value] of Object.entries(c.options)) {
      const flag = `--collector.${name}.${option.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}`;
      if (typeof value === 'string' && value !== '' && text.includes(flag)) flags.push(`${flag}=${value}`);
    }
  }
  return { flags, missing, version: `${version.stdout}${version.stderr}`.split('\n')[0] };
}
