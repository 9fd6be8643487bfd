/**
 * /proc/mounts — the mount table of the reading process (a link to self/mounts).
 * Kernel: fs/proc_namespace.c, show_vfsmnt(). Format: formats/mounts.ts.
 * Sample: "/dev/vda / ext4 rw,relatime,discard 0 0"
 */
import { mountsHandler } from './formats/mounts';

export const mounts = mountsHandler('mounts', 'mount table of the reading process (device, mount point, type, options)');
