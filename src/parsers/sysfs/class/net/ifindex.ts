/**
 * /sys/class/net/<iface>/ifindex — interface index.
 * Kernel: net/core/net-sysfs.c, NETDEVICE_SHOW_RO(ifindex, fmt_dec).
 * Format: formats/net-class-attribute.ts.
 * Sample: "4"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const ifindex = netClassAttributeHandler('ifindex', 'interface index');
