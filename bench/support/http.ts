/**
 * HTTP on loopback for the benchmark and the tests (test/exporter/helpers.ts
 * re-exports these): a free port, a GET that sends the path as written, and
 * waiting for a server to answer.
 */
import * as http from 'http';
import * as net from 'net';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  raw: Buffer;
}

/**
 * GET `url`. The path is sent as written (no URL normalisation of `..`), as a
 * hostile client would. `agent` (keep-alive) for many scrapes of one server;
 * without it each request has its own connection.
 */
export function get(url: string, headers: Record<string, string> = {}, agent?: http.Agent): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const m = /^http:\/\/(\[[^\]]+\]|[^/:]+):(\d+)(\/.*)?$/.exec(url);
    if (!m) throw new Error(`bad url ${url}`);
    const options = { host: m[1].replace(/^\[|\]$/g, ''), port: Number(m[2]), path: m[3] ?? '/', headers, agent };
    const req = http.get(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString('utf8'), raw });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 200; rejects after `ms`. */
export async function waitFor(url: string, ms: number, agent?: http.Agent): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if ((await get(url, {}, agent)).status === 200) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
