/**
 * /proc/drbd — DRBD (8.x) replicated block devices.
 * Kernel: drivers/block/drbd/drbd_proc.c, drbd_seq_show() (drbd_syncer_progress(), and
 *   lc_seq_printf_stats() of lib/lru_cache.c with proc_details).
 * Sample: " 1: cs:Connected ro:Primary/Primary ds:UpToDate/UpToDate C r-----"
 *         "    ns:17324442 nr:10961011 dw:28263521 dr:118696670 al:1100 bm:221 lo:12345 pe:12346 ua:12347 ap:12348 ep:1 wo:d oos:12349"
 *
 * One record for the file: the version line (`version: 8.4.3
 * (api:1/proto:86-101)`), the build line as written (srcversion or GIT-hash),
 * any other line before the first device (DRBD 9 lists its transports there,
 * and no devices), and the devices. A device is `MINOR: cs:STATE` (an
 * unconfigured minor stops there) with `ro:LOCAL/PEER ds:LOCAL/PEER PROTOCOL
 * FLAGS` and a line of `key:value` counters: ns, nr, dw, dr, oos in KiB, al
 * and bm write counts, lo, pe, ua, ap, ep current counts (the kernel's
 * comment in drbd_seq_show() names them), and wo, the write ordering letter.
 * Further indented lines (resync progress, activity-log statistics) are
 * kept as written in `details`.
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface DrbdDevice {
  minor: number;
  /** The block device name, `drbd<minor>`. */
  device: string;
  /** cs: Connected, StandAlone, WFConnection, SyncSource, …, or Unconfigured. */
  connection_state: string;
  /** ro: this node's role and the peer's (Primary, Secondary, Unknown). */
  role_local?: string;
  role_peer?: string;
  /** ds: the local disk state and the peer's (UpToDate, Inconsistent, DUnknown, …). */
  disk_local?: string;
  disk_peer?: string;
  /** Replication protocol A, B or C; absent without a network configuration. */
  protocol?: string;
  /** The I/O state flags as printed (`r-----`: running or suspended, then isp flags). */
  flags?: string;
  /** ns, nr, dw, dr, oos (KiB); al, bm (writes); lo, pe, ua, ap, ep (current counts). */
  counters: Record<string, number>;
  /** wo: write ordering (n none, d drain, f flush, b barrier). */
  write_ordering?: string;
  /** Indented lines after the counters, trimmed: resync progress, activity-log statistics. */
  details: string[];
}

export interface DrbdRecord {
  version: string;
  api: string;
  protocols: string;
  /** The second line as written: `srcversion: …` or `GIT-hash: … build by …`. */
  build: string;
  /** Lines before the first device other than the two above (DRBD 9's `Transports …`). */
  other: string[];
  devices: DrbdDevice[];
}

const VERSION = /^version: (\S+) \(api:([^/]+)\/proto:([^)]+)\)$/;
const DEVICE = /^\s*(\d+): cs:(\S+)(.*)$/;
const STATE = /^ ro:([^/\s]+)\/(\S+) ds:([^/\s]+)\/(\S+) (.) (\S+)$/;

function counterLine(src: Lines, index: number, device: DrbdDevice): void {
  for (const token of fields(src.lines[index])) {
    const colon = token.indexOf(':');
    if (colon <= 0) src.fail(index, `expected key:value, found ${JSON.stringify(token)}`);
    const key = token.slice(0, colon);
    const value = token.slice(colon + 1);
    if (key === 'wo') device.write_ordering = src.str(value, index, 'wo');
    else device.counters[key] = src.int(value, index, key);
  }
}

export function parseDrbd(text: string, file = 'drbd'): DrbdRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  const version = VERSION.exec(src.lines[0].trimEnd());
  if (!version) src.fail(0, 'expected "version: X (api:N/proto:A-B)"');
  if (src.length < 2 || src.lines[1].trim() === '') src.fail(1, 'expected the build line (srcversion: or GIT-hash:)');
  const build = src.lines[1].trim();
  const record: DrbdRecord = { version: version[1], api: version[2], protocols: version[3], build, other: [], devices: [] };
  let current: DrbdDevice | undefined;
  for (let i = 2; i < src.length; i++) {
    const line = src.lines[i].trimEnd();
    if (line === '') continue;
    const head = DEVICE.exec(line);
    if (head) {
      const minor = src.int(head[1], i, 'minor');
      current = { minor, device: `drbd${minor}`, connection_state: head[2], counters: {}, details: [] };
      record.devices.push(current);
      if (head[3] !== '') {
        const state = STATE.exec(head[3]);
        if (!state) src.fail(i, 'expected "ro:LOCAL/PEER ds:LOCAL/PEER PROTOCOL FLAGS" after the connection state');
        current.role_local = state[1];
        current.role_peer = state[2];
        current.disk_local = state[3];
        current.disk_peer = state[4];
        if (state[5] !== ' ') current.protocol = state[5];
        current.flags = state[6];
      }
      continue;
    }
    if (current === undefined) {
      record.other.push(line.trim());
    } else if (/^\s+ns:/.test(line)) {
      if (Object.keys(current.counters).length > 0) src.fail(i, `a second counter line for ${current.device}`);
      counterLine(src, i, current);
    } else if (/^\s/.test(line)) {
      current.details.push(line.trim());
    } else {
      src.fail(i, `expected a device line ("MINOR: cs:STATE …") or an indented line of ${current.device}`);
    }
  }
  return [record];
}

export const drbd = defineHandler<DrbdRecord>({
  name: 'drbd',
  summary: 'DRBD devices: connection state, roles, disk states, traffic and pending counters',
  parse: parseDrbd,
});
