/**
 * /proc/locks — file locks held (and waited for) by processes.
 * Kernel: fs/locks.c, locks_show() and lock_get_status().
 * Sample: "1: POSIX  ADVISORY  WRITE 16251 09:01:121767692 1073741824 1073742335"
 *
 * Columns (proc(5)): id, class (POSIX, FLOCK, OFDLCK, LEASE, DELEG, ACCESS,
 * UNKNOWN), mode (ADVISORY, MANDATORY, MSNFS, *NOINODE*, ACTIVE, BREAKING,
 * BREAKER, UNKNOWN), type (READ, WRITE, UNLCK, …), pid, the file as
 * MAJOR:MINOR:INODE, start and end of the locked range.
 * A waiter blocked on the lock above it prints "N: -> POSIX …" (deeper
 * waiters are indented more): `blocked` is true for those lines.
 * The kernel prints the device as two hex numbers ("%02x:%02x", so "fd:00" is
 * 253:0): major and minor are those numbers; a lock without an inode prints
 * "<none>:0" — then major and minor are absent and inode is 0.
 * `end` is the string "EOF" when the lock runs to the end of the file
 * (OFFSET_MAX), else the last byte offset; FLOCK/LEASE locks always print "0 EOF".
 * The 3.2 corpus has only POSIX and FLOCK holders: fixtures/synthetic/proc/locks
 * is written by hand after lock_get_status() (6.x) to cover waiters, OFD locks
 * (pid -1), leases and delegations.
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface LocksRecord {
  id: number;
  blocked: boolean;
  class: string;
  mode: string;
  type: string;
  pid: number;
  major?: number;
  minor?: number;
  inode: number;
  start: number;
  end: number | 'EOF';
}

export function parseLocks(text: string, file = 'locks'): LocksRecord[] {
  const src = new Lines(file, text);
  const records: LocksRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (!f[0].endsWith(':')) src.fail(i, 'expected "ID:" first');
    let k = 1;
    let blocked = false;
    while (f[k] === '->') {
      blocked = true;
      k++;
    }
    if (f.length - k !== 7) src.fail(i, `expected class mode type pid device:inode start end, found ${f.length - k} fields`);
    const file3 = f[k + 4].split(':');
    if (file3.length === 2 && file3[0] === '<none>') file3.unshift('');
    if (file3.length !== 3) src.fail(i, `expected MAJOR:MINOR:INODE (${JSON.stringify(f[k + 4])})`);
    const record: LocksRecord = {
      id: src.int(f[0].slice(0, -1), i, 'id'),
      blocked,
      class: f[k],
      mode: f[k + 1],
      type: f[k + 2],
      pid: src.int(f[k + 3], i, 'pid'),
    } as LocksRecord;
    if (file3[1] !== '<none>') {
      record.major = src.hex(file3[0], i, 'major');
      record.minor = src.hex(file3[1], i, 'minor');
    }
    record.inode = src.int(file3[2], i, 'inode');
    record.start = src.int(f[k + 5], i, 'start');
    record.end = f[k + 6] === 'EOF' ? 'EOF' : src.int(f[k + 6], i, 'end');
    records.push(record);
  }
  return records;
}

export const locks = defineHandler<LocksRecord>({
  name: 'locks',
  summary: 'file locks held and waited for: class, mode, type, pid, file, range',
  parse: parseLocks,
});
