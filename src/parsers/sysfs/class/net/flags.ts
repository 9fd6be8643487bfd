/**
 * /sys/class/net/<iface>/flags — device flags (IFF_UP 0x1, IFF_BROADCAST 0x2, …).
 * Kernel: net/core/net-sysfs.c, NETDEVICE_SHOW_RW(flags, fmt_hex).
 * Format: formats/net-class-attribute.ts.
 * Sample: "0x1003"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const flags = netClassAttributeHandler('flags', 'device flags (IFF_UP 0x1, IFF_BROADCAST 0x2, …)');
