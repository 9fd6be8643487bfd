/**
 * /proc/<pid>/gid_map — the group id mapping of the process's user namespace.
 * Kernel: kernel/user_namespace.c, gid_m_show() ("%10u %10u %10u\n"). Format: formats/id-map.ts.
 * Sample: "         0          0 4294967295"
 */
import { idMapHandler } from '../formats/id-map';

export const gidMap = idMapHandler('pid/gid_map', 'user-namespace gid mapping (inside, outside, length)');
