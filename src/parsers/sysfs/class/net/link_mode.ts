/**
 * /sys/class/net/<iface>/link_mode — link mode (0 default, 1 dormant).
 * Kernel: net/core/net-sysfs.c, NETDEVICE_SHOW_RO(link_mode, fmt_dec).
 * Format: formats/net-class-attribute.ts.
 * Sample: "0"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const linkMode = netClassAttributeHandler('link_mode', 'link mode (0 default, 1 dormant)');
