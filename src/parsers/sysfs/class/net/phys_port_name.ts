/**
 * /sys/class/net/<iface>/phys_port_name — physical port name.
 * Kernel: net/core/net-sysfs.c, phys_port_name_show() (EOPNOTSUPP without one).
 * Format: formats/net-class-attribute.ts.
 * Sample: "p0"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const physPortName = netClassAttributeHandler('phys_port_name', 'physical port name');
