/**
 * /sys/class/net/<iface>/broadcast — hardware broadcast address.
 * Kernel: net/core/net-sysfs.c, broadcast_show() (sysfs_format_mac).
 * Format: formats/net-class-attribute.ts.
 * Sample: "ff:ff:ff:ff:ff:ff"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const broadcast = netClassAttributeHandler('broadcast', 'hardware broadcast address');
