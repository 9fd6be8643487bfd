/**
 * /proc/<pid>/projid_map — the project id mapping of the process's user namespace.
 * Kernel: kernel/user_namespace.c, projid_m_show() ("%10u %10u %10u\n"). Format: formats/id-map.ts.
 * Sample: "         0          0 4294967295"
 */
import { idMapHandler } from '../formats/id-map';

export const projidMap = idMapHandler('pid/projid_map', 'user-namespace project id mapping (inside, outside, length)');
