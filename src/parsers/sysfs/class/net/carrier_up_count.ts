/**
 * /sys/class/net/<iface>/carrier_up_count — carrier up events.
 * Kernel: net/core/net-sysfs.c, carrier_up_count_show().
 * Format: formats/net-class-attribute.ts.
 * Sample: "1"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const carrierUpCount = netClassAttributeHandler('carrier_up_count', 'carrier up events');
