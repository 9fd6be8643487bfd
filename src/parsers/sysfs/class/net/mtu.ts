/**
 * /sys/class/net/<iface>/mtu — maximum transmission unit in bytes.
 * Kernel: net/core/net-sysfs.c, NETDEVICE_SHOW_RW(mtu, fmt_dec).
 * Format: formats/net-class-attribute.ts.
 * Sample: "1400"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const mtu = netClassAttributeHandler('mtu', 'maximum transmission unit in bytes');
