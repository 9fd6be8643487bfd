/**
 * /sys/class/net/<iface>/addr_len — hardware address length in bytes.
 * Kernel: net/core/net-sysfs.c, NETDEVICE_SHOW_RO(addr_len, fmt_dec).
 * Format: formats/net-class-attribute.ts.
 * Sample: "6"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const addrLen = netClassAttributeHandler('addr_len', 'hardware address length in bytes');
