/**
 * /proc/<pid>/cwd — the current working directory of the process, a symbolic link.
 * Kernel: fs/proc/base.c, proc_cwd_link() → d_path(). Format: formats/link-target.ts.
 * Sample: "/tmp/pidcap"
 */
import { linkTargetHandler } from '../formats/link-target';

export const cwd = linkTargetHandler('pid/cwd', 'current working directory (link target)');
