/**
 * Steady cost per node (issue 20): what a DaemonSet pays on every node is CPU
 * between and during scrapes at Prometheus' cadence, not requests per second.
 * Both exporters run as real child processes side by side on 127.0.0.1, each
 * with its own default collectors — ours started as the image starts it, with
 * nothing preloaded (an IPC channel or a probe would cost CPU of its own),
 * node_exporter with no flag but its address — and both are scraped every
 * period (15 s, `--steady-period`; 1 s with --quick) for `--steady-scrapes`
 * scrapes. With --quick the period is shorter than our collection interval, so
 * that smoke run shows the serving cost, not the cycles'. CPU is the run time of every thread (/proc/<pid>/task/<tid>/schedstat,
 * field 1, in ns: finer than the 10 ms ticks of /proc/<pid>/stat).
 *
 * A third process runs beside them: the Node.js floor (support/node-floor.ts),
 * a bare `node` that reads the same files on the same period and answers with
 * as many bytes, doing nothing else. Its ratio to node_exporter is the least
 * any exporter on this runtime can reach, whatever its code does.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { log, sleep, type Options, type Report } from './runner';
import { imageNodeFlags, nodeExporterBinary, stopChild, vmRssKb } from './support/exporter';
import { defaultFiles } from './support/collectors';
import { freePort, get, waitFor } from './support/http';
import { FROM_SOURCE, projectRoot } from './support/root';

/** CPU time of every thread of `pid` so far, in ms (threads that have exited are not counted: both keep theirs). */
export function threadsCpuMs(pid: number): number {
  let ns = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return ns / 1e6;
}

export interface Running {
  name: string;
  child: ChildProcess;
  url: string;
  /** Set before it is stopped here: an exit before that is reported with its last words. */
  stopping: boolean;
}

function spawnLogged(name: string, command: string, args: string[], url: string): Running {
  const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const running = { name, child, url, stopping: false };
  child.once('exit', (code, signal) => {
    if (!running.stopping) log(`steady: ${name} exited (${code ?? signal}): ${stderr.slice(-500)}`);
  });
  return running;
}

/** The Node.js floor: same files, same period, as many bytes per answer; bare `node`, no flags. */
export async function startFloor(periodS: number, bodyBytes: number): Promise<Running> {
  const port = await freePort();
  const script = FROM_SOURCE
    ? ['--require', 'tsx/cjs', path.join(projectRoot, 'bench', 'support', 'node-floor.ts')]
    : [path.join(projectRoot, 'dist', 'bench', 'support', 'node-floor.js')];
  const args = [...script, String(port), String(periodS * 1000), String(bodyBytes), ...defaultFiles()];
  return spawnLogged('Node.js floor', process.execPath, args, `http://127.0.0.1:${port}/`);
}

async function startBoth(neBinary: string | undefined): Promise<Running[]> {
  const ourPort = await freePort();
  const main = FROM_SOURCE
    ? path.join(projectRoot, 'src', 'exporter', 'main.ts')
    : path.join(projectRoot, 'dist', 'src', 'exporter', 'main.js');
  const ourArgs = [
    ...imageNodeFlags(),
    ...(FROM_SOURCE ? ['--require', 'tsx/cjs'] : []),
    main,
    `--web.listen-address=127.0.0.1:${ourPort}`,
  ];
  const started = [spawnLogged('proc-exporter', process.execPath, ourArgs, `http://127.0.0.1:${ourPort}/metrics`)];
  if (neBinary !== undefined) {
    const nePort = await freePort();
    started.push(
      spawnLogged('node_exporter', neBinary, [`--web.listen-address=127.0.0.1:${nePort}`], `http://127.0.0.1:${nePort}/metrics`),
    );
  }
  return started;
}

export async function benchSteady(o: Options, report: Report): Promise<void> {
  const periodS = o.steadyPeriodS;
  const scrapes = o.steadyScrapes;
  const neBinary = o.nodeExporter ? nodeExporterBinary() : undefined;
  if (o.nodeExporter && neBinary === undefined) {
    log(
      'prometheus-node-exporter is not installed: to compare against it, install it' +
        ' (Debian/Ubuntu: `sudo apt-get install prometheus-node-exporter`) and run again.',
    );
  }
  log(`steady: default collectors, a scrape every ${periodS} s, ${scrapes} scrapes (${periodS * scrapes} s)`);
  const running = await startBoth(neBinary);
  try {
    // Each answers once (its first cycle done, its code loaded) before the window opens.
    for (const r of running) await waitFor(r.url, 30_000);
    running.push(await startFloor(periodS, (await get(running[0].url)).raw.length));
    await waitFor(running[running.length - 1].url, 30_000);
    await sleep(Math.min(2000, periodS * 1000));
    const before = running.map((r) => threadsCpuMs(r.child.pid!));
    const opened = process.hrtime.bigint();
    for (let i = 0; i < scrapes; i++) {
      await sleep(periodS * 1000);
      for (const r of running) {
        const response = await get(r.url);
        if (response.status !== 200) throw new Error(`steady: ${r.name} answered ${response.status}`);
      }
    }
    const seconds = Number(process.hrtime.bigint() - opened) / 1e9;
    const cpuMsPerS = running.map((r, i) => (threadsCpuMs(r.child.pid!) - before[i]) / seconds);
    const rssMb = running.map((r) => vmRssKb(r.child.pid!) / 1024);
    const ne = running.findIndex((r) => r.name === 'node_exporter');
    const floor = running.length - 1;
    const ratio = ne < 0 ? null : cpuMsPerS[0] / cpuMsPerS[ne];
    const floorRatio = ne < 0 ? null : cpuMsPerS[floor] / cpuMsPerS[ne];
    log(`  ${running.map((r, i) => `${r.name} ${cpuMsPerS[i].toFixed(2)} ms/s, RSS ${rssMb[i].toFixed(1)} MB`).join('; ')}`);
    report.details.steady = {
      periodS,
      scrapes,
      seconds,
      ...Object.fromEntries(running.map((r, i) => [r.name, { cpuMsPerS: cpuMsPerS[i], rssMb: rssMb[i], args: r.child.spawnargs }])),
      ratio,
      floorRatio,
    };
    const per = `scrape every ${periodS} s`;
    report.row({ section: 'steady', metric: `proc-exporter: CPU, all threads (${per})`, value: cpuMsPerS[0], unit: 'ms/s', target: '' });
    report.row({ section: 'steady', metric: 'proc-exporter: RSS', value: rssMb[0], unit: 'MB', target: '' });
    report.row({
      section: 'steady',
      metric: `Node.js floor: CPU, all threads (${per})`,
      value: cpuMsPerS[floor],
      unit: 'ms/s',
      target: '',
    });
    report.row({ section: 'steady', metric: 'Node.js floor: RSS', value: rssMb[floor], unit: 'MB', target: '' });
    if (ne < 0) {
      report.row({
        section: 'steady',
        metric: 'node_exporter: not run (apt-get install prometheus-node-exporter)',
        value: null,
        unit: '',
        target: '',
      });
    } else {
      report.row({ section: 'steady', metric: `node_exporter: CPU, all threads (${per})`, value: cpuMsPerS[ne], unit: 'ms/s', target: '' });
      report.row({ section: 'steady', metric: 'node_exporter: RSS', value: rssMb[ne], unit: 'MB', target: '' });
      report.row({ section: 'steady', metric: 'CPU: Node.js floor / node_exporter', value: floorRatio, unit: '×', target: '' });
    }
    report.row({
      section: 'steady',
      metric: 'CPU: proc-exporter / node_exporter',
      value: ratio,
      unit: '×',
      target: '≤ 0.5×',
      ...(ratio === null ? {} : { pass: ratio <= 0.5 }),
    });
  } finally {
    for (const r of running) {
      r.stopping = true;
      await stopChild(r.child);
    }
  }
}
