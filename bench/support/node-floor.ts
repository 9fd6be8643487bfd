/**
 * The Node.js floor of an exporter (bench/steady.ts): a bare `node` process,
 * no framework and no flags, that does the least any exporter written in
 * Node.js does for the default collectors. On its own timer (the steady
 * period) it reads their /proc files, every network device's sysfs
 * attributes (netclass) and calls statfs on every mount (filesystem), all
 * synchronously, splitting each file in lines; and it answers every request
 * with a body as large as the exporter's. No parsing, no metrics, no
 * serialization: what it costs, any exporter on this runtime pays at least.
 *
 * Run as: node node-floor.js PORT PERIOD_MS BODY_BYTES PROC_FILE...
 */
import * as fs from 'fs';
import * as http from 'http';
import { NET_CLASS_ATTRIBUTES } from '../../src/parsers/formats/net-class-attribute';

const [port, periodMs, bodyBytes, ...procFiles] = process.argv.slice(2);
const body = Buffer.alloc(Number(bodyBytes), 'x');

function readLines(file: string): number {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').length;
  } catch {
    return 0;
  }
}

function cycle(): number {
  let lines = 0;
  for (const name of procFiles) lines += readLines(`/proc/${name}`);
  for (const device of fs.readdirSync('/sys/class/net')) {
    for (const attribute of NET_CLASS_ATTRIBUTES) lines += readLines(`/sys/class/net/${device}/${attribute}`);
  }
  for (const line of fs.readFileSync('/proc/1/mountinfo', 'utf8').split('\n')) {
    const mountPoint = line.split(' ')[4];
    if (mountPoint === undefined) continue;
    try {
      fs.statfsSync(mountPoint);
    } catch {
      // what filesystem does with it (a mount it may not see) is beside the point here
    }
  }
  return lines;
}

cycle();
setInterval(cycle, Number(periodMs));
http.createServer((_request, response) => response.end(body)).listen(Number(port), '127.0.0.1');
