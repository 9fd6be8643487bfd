/**
 * /sys/class/net/<iface>/iflink — index of the device this one is linked to.
 * Kernel: net/core/net-sysfs.c, iflink_show().
 * Format: formats/net-class-attribute.ts.
 * Sample: "4"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const iflink = netClassAttributeHandler('iflink', 'index of the device this one is linked to');
