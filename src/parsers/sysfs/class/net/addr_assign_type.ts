/**
 * /sys/class/net/<iface>/addr_assign_type — how the hardware address was assigned (0 permanent, 1 random, 2 stolen, 3 set).
 * Kernel: net/core/net-sysfs.c, NETDEVICE_SHOW_RO(addr_assign_type, fmt_dec).
 * Format: formats/net-class-attribute.ts.
 * Sample: "0"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const addrAssignType = netClassAttributeHandler(
  'addr_assign_type',
  'how the hardware address was assigned (0 permanent, 1 random, 2 stolen, 3 set)',
);
