/**
 * /proc/<pid>/uid_map — the user id mapping of the process's user namespace.
 * Kernel: kernel/user_namespace.c, uid_m_show() ("%10u %10u %10u\n"). Format: formats/id-map.ts.
 * Sample: "         0          0 4294967295"
 */
import { idMapHandler } from '../formats/id-map';

export const uidMap = idMapHandler('pid/uid_map', 'user-namespace uid mapping (inside, outside, length)');
