/**
 * /sys/class/net/<iface>/type — hardware type (ARPHRD_*: 1 ethernet, 772 loopback, …).
 * Kernel: net/core/net-sysfs.c, NETDEVICE_SHOW_RO(type, fmt_dec).
 * Format: formats/net-class-attribute.ts.
 * Sample: "1"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const type = netClassAttributeHandler('type', 'hardware type (ARPHRD_*: 1 ethernet, 772 loopback, …)');
