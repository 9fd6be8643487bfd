/**
 * /sys/class/net/<iface>/operstate — operational state (RFC 2863): up, down, unknown, dormant, ….
 * Kernel: net/core/net-sysfs.c, operstate_show() (operstates[]).
 * Format: formats/net-class-attribute.ts.
 * Sample: "up"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const operstate = netClassAttributeHandler('operstate', 'operational state (RFC 2863): up, down, unknown, dormant, …');
