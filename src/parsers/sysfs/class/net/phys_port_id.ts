/**
 * /sys/class/net/<iface>/phys_port_id — physical port id.
 * Kernel: net/core/net-sysfs.c, phys_port_id_show() (EOPNOTSUPP without one).
 * Format: formats/net-class-attribute.ts.
 * Sample: "00aabbccddeeff01"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const physPortId = netClassAttributeHandler('phys_port_id', 'physical port id');
