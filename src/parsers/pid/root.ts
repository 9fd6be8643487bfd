/**
 * /proc/<pid>/root — the root directory of the process (chroot), a symbolic link.
 * Kernel: fs/proc/base.c, proc_root_link() → d_path(). Format: formats/link-target.ts.
 * Sample: "/"
 */
import { linkTargetHandler } from '../formats/link-target';

export const root = linkTargetHandler('pid/root', 'root directory of the process (link target)');
