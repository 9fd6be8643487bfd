/**
 * /sys/class/net/<iface>/dev_id — device id among devices sharing one hardware address.
 * Kernel: net/core/net-sysfs.c, NETDEVICE_SHOW_RO(dev_id, fmt_hex).
 * Format: formats/net-class-attribute.ts.
 * Sample: "0x0"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const devId = netClassAttributeHandler('dev_id', 'device id among devices sharing one hardware address');
