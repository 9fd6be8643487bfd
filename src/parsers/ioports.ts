/**
 * /proc/ioports — the I/O port map, nested by indentation (4-digit addresses).
 * Kernel: kernel/resource.c, r_show() over ioport_resource. Format: formats/resource-tree.ts.
 * Sample: "  0060-0060 : keyboard"
 */
import { resourceTreeHandler } from './formats/resource-tree';

export const ioports = resourceTreeHandler('ioports', 'I/O port map, nested by indentation');
