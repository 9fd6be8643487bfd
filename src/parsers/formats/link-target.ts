/**
 * Format: a symbolic link whose target is the record — /proc/<pid>/cwd, root,
 * exe, and fd/<n> (which also classifies the target, see pid/fd.ts).
 * Kernel: fs/proc/base.c, proc_pid_readlink() → d_path(); special files get
 * their dentry name from d_dname (fs/pipe.c pipefs_dname "pipe:[%lu]",
 * net/socket.c sockfs_dname "socket:[%lu]", fs/anon_inodes.c "anon_inode:%s").
 * Sample: "/usr/bin/python3.12"
 *
 * The reader passes the link target as the text (a saved copy that is a
 * regular file holding the target reads as its text, as in the Linux 3.2
 * corpus). An empty text gives no record.
 */
import { defineHandler, type Handler } from '../../handler';
import { Lines } from '../helpers';

export interface LinkRecord {
  target: string;
}

/** The target: exactly one non-empty line. */
export function linkTarget(text: string, file: string): string {
  const src = new Lines(file, text);
  if (src.length !== 1 || src.lines[0] === '') src.fail(src.length > 1 ? 1 : 0, 'expected one link target');
  return src.lines[0];
}

export function parseLinkTarget(text: string, file: string): LinkRecord[] {
  return text === '' ? [] : [{ target: linkTarget(text, file) }];
}

/** The handler of a link read as `{ target }`; `name` is its path under /proc. */
export function linkTargetHandler(name: string, summary: string): Handler<LinkRecord> {
  return defineHandler<LinkRecord>({ name, summary, source: 'link', parse: (text, file) => parseLinkTarget(text, file ?? name) });
}
