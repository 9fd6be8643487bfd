/**
 * /sys/class/net/<iface>/ifalias — the device's alias (SNMP ifAlias).
 * Kernel: net/core/net-sysfs.c, ifalias_show() (nothing at all without an alias).
 * Format: formats/net-class-attribute.ts.
 * Sample: "uplink to switch 3, port 12"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const ifalias = netClassAttributeHandler('ifalias', "the device's alias (SNMP ifAlias)");
