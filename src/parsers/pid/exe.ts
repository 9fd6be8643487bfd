/**
 * /proc/<pid>/exe — the executable of the process, a symbolic link.
 * Kernel: fs/proc/base.c, proc_exe_link() → d_path(). Format: formats/link-target.ts.
 * Sample: "/usr/bin/python3.12"
 */
import { linkTargetHandler } from '../formats/link-target';

export const exe = linkTargetHandler('pid/exe', 'executable of the process (link target)');
