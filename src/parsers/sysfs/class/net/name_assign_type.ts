/**
 * /sys/class/net/<iface>/name_assign_type — how the name was assigned (1 enumerated, 2 predictable, 3 user, 4 renamed).
 * Kernel: net/core/net-sysfs.c, name_assign_type_show() (EINVAL for NET_NAME_UNKNOWN).
 * Format: formats/net-class-attribute.ts.
 * Sample: "1"
 */
import { netClassAttributeHandler } from '../../../formats/net-class-attribute';

export const nameAssignType = netClassAttributeHandler(
  'name_assign_type',
  'how the name was assigned (1 enumerated, 2 predictable, 3 user, 4 renamed)',
);
