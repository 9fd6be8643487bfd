/**
 * /sys/class/net/<iface>/carrier — physical link state (1 up, 0 down).
 * Kernel: net/core/net-sysfs.c, carrier_show() (EINVAL when the device is not running).
 * Format: formats/net-class-attribute.ts.
 * Sample: "1"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const carrier = netClassAttributeHandler('carrier', 'physical link state (1 up, 0 down)');
