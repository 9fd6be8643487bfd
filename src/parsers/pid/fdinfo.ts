/**
 * /proc/<pid>/fdinfo/<n> — position, flags and per-type details of an open file.
 * Kernel: fs/proc/fd.c, seq_show() (pos, flags, mnt_id, ino), then the file's
 * show_fdinfo: fs/eventfd.c eventfd_show_fdinfo() ("eventfd-count: %16llx"),
 * fs/eventpoll.c ep_show_fdinfo() ("tfd: %8d events: %8x data: %16llx  pos:%lli ino:%lx sdev:%x"),
 * fs/notify/fdinfo.c inotify_fdinfo()/fanotify_fdinfo(), fs/timerfd.c,
 * fs/signalfd.c, fs/locks.c (lock:), drm/dma-buf/pidfd keys.
 * Sample: "flags:\t02000002"
 *
 * `flags` is octal and stays text as written. The descriptor number comes from
 * the file name. Lines the file's type adds: eventfd-* under `eventfd`
 * (count printed in hex, as a number), epoll targets under `epoll` (one per
 * `tfd:` line), inotify/fanotify lines under `watches` (their `key:value` tokens
 * as written), and every other `key: value` line under `extra`, in order.
 * mnt_id came in 3.15 and ino in 5.10: absent on kernels that do not print them.
 */
import { defineHandler } from '../../handler';
import { fields, Lines, numericName } from '../helpers';

export interface EpollTarget {
  tfd: number;
  /** Event mask, hex as written. */
  events: string;
  /** User data, hex as written. */
  data: string;
  pos?: number;
  ino?: number;
  /** Device, hex as written. */
  sdev?: string;
}

export interface FdinfoRecord {
  fd?: number;
  pos: number;
  /** Open flags, octal as written (`02000002`). */
  flags: string;
  mnt_id?: number;
  ino?: number;
  eventfd?: { count?: number; id?: number; semaphore?: number };
  epoll?: EpollTarget[];
  /** `inotify wd:1 ino:3f7e8 …`, `fanotify flags:10 …`: the kind and its tokens as written. */
  watches?: { kind: string; fields: Record<string, string> }[];
  /** Every other `key: value` line, in order, value as written. */
  extra?: { name: string; value: string }[];
}

/** `key:value` tokens and `key: value` pairs of one line. */
function pairs(src: Lines, i: number, tokens: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    const colon = token.indexOf(':');
    if (colon <= 0) src.fail(i, `expected key:value (${JSON.stringify(token)})`);
    if (colon === token.length - 1) {
      const value = tokens[++t];
      if (value === undefined) src.fail(i, `missing value of ${token.slice(0, -1)}`);
      out[token.slice(0, -1)] = value;
    } else {
      out[token.slice(0, colon)] = token.slice(colon + 1);
    }
  }
  return out;
}

export function parseFdinfo(text: string, file = 'pid/fdinfo'): FdinfoRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  const record: Partial<FdinfoRecord> = {};
  const fd = numericName(file);
  if (fd !== undefined) record.fd = fd;
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const f = fields(line);
    const first = f[0];
    if (first === 'tfd:') {
      const p = pairs(src, i, f);
      const target: EpollTarget = {
        tfd: src.int(p.tfd, i, 'tfd'),
        events: src.str(p.events, i, 'events'),
        data: src.str(p.data, i, 'data'),
      };
      if (p.pos !== undefined) target.pos = src.int(p.pos, i, 'pos');
      if (p.ino !== undefined) target.ino = src.hex(p.ino, i, 'ino');
      if (p.sdev !== undefined) target.sdev = p.sdev;
      (record.epoll ??= []).push(target);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) src.fail(i, 'expected "key: value" or "kind key:value …"');
    const after = line.charCodeAt(colon + 1);
    if (!first.includes(':') && colon + 1 < line.length && after !== 32 && after !== 9) {
      // "inotify wd:1 ino:3f7e8 …", "fanotify flags:10 event-flags:0"
      (record.watches ??= []).push({ kind: first, fields: pairs(src, i, f.slice(1)) });
      continue;
    }
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    switch (name) {
      case 'pos':
        record.pos = src.int(value, i, 'pos');
        break;
      case 'flags':
        if (!/^[0-7]+$/.test(value)) src.fail(i, `flags is not octal (${JSON.stringify(value)})`);
        record.flags = value;
        break;
      case 'mnt_id':
        record.mnt_id = src.int(value, i, 'mnt_id');
        break;
      case 'ino':
        record.ino = src.int(value, i, 'ino');
        break;
      case 'eventfd-count':
        (record.eventfd ??= {}).count = src.hex(value, i, name);
        break;
      case 'eventfd-id':
        (record.eventfd ??= {}).id = src.int(value, i, name);
        break;
      case 'eventfd-semaphore':
        (record.eventfd ??= {}).semaphore = src.int(value, i, name);
        break;
      default:
        (record.extra ??= []).push({ name, value });
    }
  }
  if (record.pos === undefined) src.fail(0, 'missing pos line');
  if (record.flags === undefined) src.fail(0, 'missing flags line');
  return [record as FdinfoRecord];
}

export const fdinfo = defineHandler<FdinfoRecord>({
  name: 'pid/fdinfo',
  summary: 'open file details: pos, flags (octal), mnt_id, ino, epoll/inotify/eventfd lines',
  pattern: '<pid>/fdinfo/*',
  parse: parseFdinfo,
});
