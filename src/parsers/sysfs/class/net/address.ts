/**
 * /sys/class/net/<iface>/address — hardware address.
 * Kernel: net/core/net-sysfs.c, address_show() (sysfs_format_mac).
 * Format: formats/net-class-attribute.ts.
 * Sample: "02:fc:00:00:00:01"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const address = netClassAttributeHandler('address', 'hardware address');
