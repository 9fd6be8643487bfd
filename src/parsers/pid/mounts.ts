/**
 * /proc/<pid>/mounts — the mount table as the process sees it (its mount namespace).
 * Kernel: fs/proc_namespace.c, show_vfsmnt(). Format: formats/mounts.ts.
 * Sample: "proc /proc proc rw,relatime 0 0"
 */
import { mountsHandler } from '../formats/mounts';

export const pidMounts = mountsHandler('pid/mounts', 'mount table as the process sees it (its mount namespace)');
