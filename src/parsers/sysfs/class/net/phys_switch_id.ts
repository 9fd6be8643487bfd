/**
 * /sys/class/net/<iface>/phys_switch_id — physical switch id.
 * Kernel: net/core/net-sysfs.c, phys_switch_id_show() (EOPNOTSUPP without one).
 * Format: formats/net-class-attribute.ts.
 * Sample: "0123456789abcdef"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const physSwitchId = netClassAttributeHandler('phys_switch_id', 'physical switch id');
