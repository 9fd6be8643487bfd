/**
 * /proc/<pid>/fd/<n> — the open file descriptors, symbolic links to what they refer to.
 * Kernel: fs/proc/fd.c, proc_fd_link() → d_path(); special files get their
 * dentry name from d_dname (fs/pipe.c pipefs_dname "pipe:[%lu]", net/socket.c
 * sockfs_dname "socket:[%lu]", fs/anon_inodes.c "anon_inode:%s"). Format of the
 * link itself: formats/link-target.ts.
 * Sample: "socket:[10547]"
 *
 * `fd` takes its number from the file name and classifies the target:
 * `path` (begins with `/`, possibly ending in " (deleted)"), `anon_inode` with
 * `anon_type` (eventfd, [eventpoll], inotify, [timerfd], …; brackets removed),
 * or the prefix of `type:[inode]` (socket, pipe, net, mnt, …) with its inode.
 */
import { defineHandler } from '../../handler';
import { linkTarget } from '../formats/link-target';
import { integerOf, Lines, numericName } from '../helpers';

export interface FdRecord {
  /** The descriptor number, from the file name (absent for text without a path). */
  fd?: number;
  target: string;
  /** `path`, `anon_inode`, or the `type` of `type:[inode]` (socket, pipe, …); `other` otherwise. */
  kind: string;
  inode?: number;
  anon_type?: string;
  deleted?: boolean;
}

export function parseFd(text: string, file = 'pid/fd'): FdRecord[] {
  if (text === '') return [];
  const value = linkTarget(text, file);
  const fd = numericName(file);
  const record: FdRecord = fd === undefined ? { target: value, kind: 'other' } : { fd, target: value, kind: 'other' };
  if (value.startsWith('/')) {
    record.kind = 'path';
    if (value.endsWith(' (deleted)')) record.deleted = true;
  } else if (value.startsWith('anon_inode:')) {
    record.kind = 'anon_inode';
    const name = value.slice(11);
    record.anon_type = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  } else {
    const colon = value.indexOf(':[');
    if (colon > 0 && value.endsWith(']')) {
      const inode = value.slice(colon + 2, -1);
      record.kind = value.slice(0, colon);
      record.inode = integerOf(inode) ?? new Lines(file, text).fail(0, `inode is not an integer (${JSON.stringify(inode)})`);
    }
  }
  return [record];
}

export const fd = defineHandler<FdRecord>({
  name: 'pid/fd',
  summary: 'open file descriptor: number, target, kind (path, socket, pipe, anon_inode) and inode',
  pattern: '<pid>/fd/*',
  source: 'link',
  parse: parseFd,
});
