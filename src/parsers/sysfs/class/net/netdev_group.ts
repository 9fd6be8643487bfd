/**
 * /sys/class/net/<iface>/netdev_group — device group.
 * Kernel: net/core/net-sysfs.c, NETDEVICE_SHOW_RW(group, fmt_dec).
 * Format: formats/net-class-attribute.ts.
 * Sample: "0"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const netdevGroup = netClassAttributeHandler('netdev_group', 'device group');
