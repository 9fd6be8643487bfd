/**
 * /sys/class/net/<iface>/carrier_changes — carrier state changes.
 * Kernel: net/core/net-sysfs.c, carrier_changes_show().
 * Format: formats/net-class-attribute.ts.
 * Sample: "2"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const carrierChanges = netClassAttributeHandler('carrier_changes', 'carrier state changes');
