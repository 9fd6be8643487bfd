/**
 * Every handler for a file under /sys (`--path.sysfs`), keyed by handler name: `sysfs/` and the
 * path under /sys with the variable directory left out (`sysfs/class/net/mtu` reads
 * `class/net/<iface>/mtu`); every handler here has `root: 'sysfs'`.
 */
import type { HandlerTable } from '../../handler';
import { addrAssignType } from './class/net/addr_assign_type';
import { addrLen } from './class/net/addr_len';
import { address } from './class/net/address';
import { broadcast } from './class/net/broadcast';
import { carrier } from './class/net/carrier';
import { carrierChanges } from './class/net/carrier_changes';
import { carrierDownCount } from './class/net/carrier_down_count';
import { carrierUpCount } from './class/net/carrier_up_count';
import { devId } from './class/net/dev_id';
import { dormant } from './class/net/dormant';
import { duplex } from './class/net/duplex';
import { flags } from './class/net/flags';
import { ifalias } from './class/net/ifalias';
import { ifindex } from './class/net/ifindex';
import { iflink } from './class/net/iflink';
import { linkMode } from './class/net/link_mode';
import { mtu } from './class/net/mtu';
import { nameAssignType } from './class/net/name_assign_type';
import { netdevGroup } from './class/net/netdev_group';
import { operstate } from './class/net/operstate';
import { physPortId } from './class/net/phys_port_id';
import { physPortName } from './class/net/phys_port_name';
import { physSwitchId } from './class/net/phys_switch_id';
import { speed } from './class/net/speed';
import { txQueueLen } from './class/net/tx_queue_len';
import { type } from './class/net/type';
import { availableClocksource } from './devices/system/clocksource/available_clocksource';
import { currentClocksource } from './devices/system/clocksource/current_clocksource';

export const sysfsHandlers = {
  'sysfs/class/net/addr_assign_type': addrAssignType,
  'sysfs/class/net/addr_len': addrLen,
  'sysfs/class/net/address': address,
  'sysfs/class/net/broadcast': broadcast,
  'sysfs/class/net/carrier': carrier,
  'sysfs/class/net/carrier_changes': carrierChanges,
  'sysfs/class/net/carrier_down_count': carrierDownCount,
  'sysfs/class/net/carrier_up_count': carrierUpCount,
  'sysfs/class/net/dev_id': devId,
  'sysfs/class/net/dormant': dormant,
  'sysfs/class/net/duplex': duplex,
  'sysfs/class/net/flags': flags,
  'sysfs/class/net/ifalias': ifalias,
  'sysfs/class/net/ifindex': ifindex,
  'sysfs/class/net/iflink': iflink,
  'sysfs/class/net/link_mode': linkMode,
  'sysfs/class/net/mtu': mtu,
  'sysfs/class/net/name_assign_type': nameAssignType,
  'sysfs/class/net/netdev_group': netdevGroup,
  'sysfs/class/net/operstate': operstate,
  'sysfs/class/net/phys_port_id': physPortId,
  'sysfs/class/net/phys_port_name': physPortName,
  'sysfs/class/net/phys_switch_id': physSwitchId,
  'sysfs/class/net/speed': speed,
  'sysfs/class/net/tx_queue_len': txQueueLen,
  'sysfs/class/net/type': type,
  'sysfs/devices/system/clocksource/available_clocksource': availableClocksource,
  'sysfs/devices/system/clocksource/current_clocksource': currentClocksource,
} satisfies HandlerTable;
