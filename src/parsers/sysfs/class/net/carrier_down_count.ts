/**
 * /sys/class/net/<iface>/carrier_down_count — carrier down events.
 * Kernel: net/core/net-sysfs.c, carrier_down_count_show().
 * Format: formats/net-class-attribute.ts.
 * Sample: "1"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const carrierDownCount = netClassAttributeHandler('carrier_down_count', 'carrier down events');
