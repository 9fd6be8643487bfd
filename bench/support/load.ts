/**
 * Load on loopback for bench/serving.ts and bench/memory.ts: autocannon
 * against a URL, and many scrapes in a row with a check after chosen ones.
 */
import type * as http from 'http';
import { spawn } from 'child_process';
import * as path from 'path';
import { get } from './http';
import { projectRoot } from './root';

export interface LoadResult {
  requestsPerS: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  errors: number;
  non2xx: number;
  bytesPerS: number;
}

export function autocannon(url: string, connections: number, durationS: number): Promise<LoadResult> {
  const bin = path.join(projectRoot, 'node_modules', 'autocannon', 'autocannon.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '-c', String(connections), '-d', String(durationS), '-j', url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        const r = JSON.parse(stdout) as {
          requests: { average: number; total: number };
          latency: { p50: number; p99: number; max: number };
          throughput: { average: number };
          errors: number;
          timeouts: number;
          non2xx: number;
        };
        resolve({
          requestsPerS: r.requests.average,
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          maxMs: r.latency.max,
          requests: r.requests.total,
          errors: r.errors + r.timeouts,
          non2xx: r.non2xx,
          bytesPerS: r.throughput.average,
        });
      } catch {
        reject(new Error(`autocannon exited ${code}: ${stderr.slice(0, 500)}`));
      }
    });
  });
}

/** `count` sequential-ish scrapes (4 at a time) of url; calls `at(n)` after scrape n for each n in marks. */
export async function scrapeMany(
  url: string,
  count: number,
  marks: readonly number[],
  at: (n: number) => Promise<void>,
  agent: http.Agent,
): Promise<void> {
  let done = 0;
  const sorted = [...marks].sort((a, b) => a - b);
  while (done < count) {
    const nextMark = sorted.find((m) => m > done) ?? count;
    const batchEnd = Math.min(nextMark, count);
    let issued = done;
    const worker = async (): Promise<void> => {
      while (issued < batchEnd) {
        issued++;
        const r = await get(url, {}, agent);
        if (r.status !== 200) throw new Error(`GET ${url}: ${r.status}`);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    done = batchEnd;
    if (sorted.includes(done)) await at(done);
  }
}
