/**
 * /sys/class/net/<iface>/duplex — duplex mode: half, full or unknown.
 * Kernel: net/core/net-sysfs.c, duplex_show() (EINVAL when not running or without ethtool settings).
 * Format: formats/net-class-attribute.ts.
 * Sample: "unknown"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const duplex = netClassAttributeHandler('duplex', 'duplex mode: half, full or unknown');
