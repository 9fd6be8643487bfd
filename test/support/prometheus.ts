/**
 * A real Prometheus (Debian's `prometheus`, which .ci/run installs) for the
 * tests that evaluate queries against the exporter: one server on a loopback
 * port, scraping one target every second under one job, with its data in a
 * directory of the test's; its log is kept for failure messages.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { freePort, get } from '../../bench/support/http';

/** One sample of an instant vector, as the HTTP API returns it. */
export interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** The HTTP API's answer to an instant query. */
export interface QueryAnswer {
  status: string;
  error?: string;
  data?: { resultType: string; result: unknown };
}

export interface ScrapeTarget {
  job: string;
  /** host:port of the exporter. */
  address: string;
  /** Replaces the `instance` label, as a relabel rule does. */
  instance?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class PrometheusServer {
  /** What Prometheus wrote on stderr (warnings and errors only). */
  log = '';
  /** http://127.0.0.1:port of its HTTP API, once started. */
  api = '';
  private child?: ChildProcess;

  constructor(
    private readonly binary: string,
    private readonly dir: string,
  ) {}

  async start(target: ScrapeTarget): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true });
    const port = await freePort();
    this.api = `http://127.0.0.1:${port}`;
    const config = path.join(this.dir, 'prometheus.yml');
    const relabel =
      target.instance === undefined
        ? ''
        : `    relabel_configs:\n      - target_label: instance\n        replacement: '${target.instance}'\n`;
    fs.writeFileSync(
      config,
      'global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n' +
        `scrape_configs:\n  - job_name: ${target.job}\n    static_configs:\n      - targets: ['${target.address}']\n` +
        relabel,
    );
    const flags = [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(this.dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ];
    this.child = spawn(this.binary, [...flags, '--log.level=warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (c: string) => (this.log += c));
  }

  /** The API's answer to an instant query, at `time` (seconds) or now. */
  async answer(expr: string, time?: number): Promise<QueryAnswer> {
    const at = time === undefined ? '' : `&time=${time}`;
    const res = await get(`${this.api}/api/v1/query?query=${encodeURIComponent(expr)}${at}`);
    return JSON.parse(res.body) as QueryAnswer;
  }

  /** The API's answer to a label-values request: the values of `label` on the series `match` selects. */
  async labelValues(match: string, label: string): Promise<{ status: string; error?: string; data?: string[] }> {
    const res = await get(`${this.api}/api/v1/label/${label}/values?match[]=${encodeURIComponent(match)}`);
    return JSON.parse(res.body) as { status: string; error?: string; data?: string[] };
  }

  /** The instant vector of `expr`; throws with the API's error and the log when the query fails. */
  async query(expr: string): Promise<VectorSample[]> {
    const answer = await this.answer(expr);
    if (answer.status !== 'success') throw new Error(`${expr}: ${answer.error ?? JSON.stringify(answer)}\nprometheus log: ${this.log}`);
    return answer.data!.result as VectorSample[];
  }

  /** Waits until `expr` gives a vector `ok` accepts, and returns it. */
  async eventually(expr: string, ok: (samples: VectorSample[]) => boolean, attempts = 60): Promise<VectorSample[]> {
    let last: VectorSample[] = [];
    for (let i = 0; i < attempts; i++) {
      try {
        last = await this.query(expr);
        if (ok(last)) return last;
      } catch {
        // not listening yet, or no data yet
      }
      await sleep(500);
    }
    throw new Error(`${expr}: got ${JSON.stringify(last)}\nprometheus log: ${this.log}`);
  }

  /** Waits until `up` of `job` has at least `scrapes` samples in the last minute (so that a 10 s rate has points). */
  async waitForScrapes(job: string, scrapes: number): Promise<void> {
    await this.eventually(`count_over_time(up{job="${job}"}[1m])`, (r) => r.length === 1 && Number(r[0].value[1]) >= scrapes, 240);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(kill);
  }
}
