/**
 * /proc/<pid>/fd/<n>, cwd, root, exe — symbolic links; the record is the target.
 * Kernel: fs/proc/base.c, proc_pid_readlink() → d_path(); special files get
 * their dentry name from d_dname (fs/pipe.c pipefs_dname "pipe:[%lu]",
 * net/socket.c sockfs_dname "socket:[%lu]", fs/anon_inodes.c "anon_inode:%s").
 * Sample: "socket:[10547]"
 *
 * The reader passes the link target as the text (a saved copy that is a
 * regular file holding the target reads as its text, as in the Linux 3.2
 * corpus). `fd` takes its number from the file name and classifies the target:
 * `path` (begins with `/`, possibly ending in " (deleted)"), `anon_inode` with
 * `anon_type` (eventfd, [eventpoll], inotify, [timerfd], …; brackets removed),
 * or the prefix of `type:[inode]` (socket, pipe, net, mnt, …) with its inode.
 */
import { defineHandler } from '../../handler';
import { isDecimal, Lines } from '../helpers';
import { numericName } from './common';

export interface LinkRecord {
  target: string;
}

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

function target(text: string, file: string): string {
  const src = new Lines(file, text);
  if (src.length !== 1 || src.lines[0] === '') src.fail(src.length > 1 ? 1 : 0, 'expected one link target');
  return src.lines[0];
}

function parseTarget(text: string, file: string): LinkRecord[] {
  return text === '' ? [] : [{ target: target(text, file) }];
}

export function parseFd(text: string, file = 'pid/fd'): FdRecord[] {
  if (text === '') return [];
  const value = target(text, file);
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
      if (!isDecimal(inode)) new Lines(file, text).fail(0, `inode is not an integer (${JSON.stringify(inode)})`);
      record.kind = value.slice(0, colon);
      record.inode = Number(inode);
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

export function parseCwd(text: string, file = 'pid/cwd'): LinkRecord[] {
  return parseTarget(text, file);
}

export function parseRoot(text: string, file = 'pid/root'): LinkRecord[] {
  return parseTarget(text, file);
}

export function parseExe(text: string, file = 'pid/exe'): LinkRecord[] {
  return parseTarget(text, file);
}

export const cwd = defineHandler<LinkRecord>({
  name: 'pid/cwd',
  summary: 'current working directory (link target)',
  source: 'link',
  parse: parseCwd,
});

export const root = defineHandler<LinkRecord>({
  name: 'pid/root',
  summary: 'root directory of the process (link target)',
  source: 'link',
  parse: parseRoot,
});

export const exe = defineHandler<LinkRecord>({
  name: 'pid/exe',
  summary: 'executable of the process (link target)',
  source: 'link',
  parse: parseExe,
});
