/**
 * /sys/class/net/<iface>/speed — link speed in Mbit/s (-1: unknown).
 * Kernel: net/core/net-sysfs.c, speed_show() (EINVAL when not running or without ethtool settings).
 * Format: formats/net-class-attribute.ts.
 * Sample: "-1"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const speed = netClassAttributeHandler('speed', 'link speed in Mbit/s (-1: unknown)');
