/**
 * /sys/class/net/<iface>/dormant — whether the device is dormant (RFC 2863).
 * Kernel: net/core/net-sysfs.c, dormant_show() (EINVAL when the device is not running).
 * Format: formats/net-class-attribute.ts.
 * Sample: "0"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const dormant = netClassAttributeHandler('dormant', 'whether the device is dormant (RFC 2863)');
