/**
 * Every handler for a file under /sys (`--path.sysfs`), keyed by handler name: `sysfs/` and the
 * path under /sys with the variable directory left out (`sysfs/class/net/mtu` reads
 * `class/net/<iface>/mtu`); every handler here has `root: 'sysfs'`.
 */
import { lazyHandlers, type HandlerTable } from '../../handler';

export const sysfsHandlers = lazyHandlers({
  'sysfs/class/net/addr_assign_type': () =>
    (require('./class/net/addr_assign_type') as typeof import('./class/net/addr_assign_type')).addrAssignType,
  'sysfs/class/net/addr_len': () => (require('./class/net/addr_len') as typeof import('./class/net/addr_len')).addrLen,
  'sysfs/class/net/address': () => (require('./class/net/address') as typeof import('./class/net/address')).address,
  'sysfs/class/net/broadcast': () => (require('./class/net/broadcast') as typeof import('./class/net/broadcast')).broadcast,
  'sysfs/class/net/carrier': () => (require('./class/net/carrier') as typeof import('./class/net/carrier')).carrier,
  'sysfs/class/net/carrier_changes': () =>
    (require('./class/net/carrier_changes') as typeof import('./class/net/carrier_changes')).carrierChanges,
  'sysfs/class/net/carrier_down_count': () =>
    (require('./class/net/carrier_down_count') as typeof import('./class/net/carrier_down_count')).carrierDownCount,
  'sysfs/class/net/carrier_up_count': () =>
    (require('./class/net/carrier_up_count') as typeof import('./class/net/carrier_up_count')).carrierUpCount,
  'sysfs/class/net/dev_id': () => (require('./class/net/dev_id') as typeof import('./class/net/dev_id')).devId,
  'sysfs/class/net/dormant': () => (require('./class/net/dormant') as typeof import('./class/net/dormant')).dormant,
  'sysfs/class/net/duplex': () => (require('./class/net/duplex') as typeof import('./class/net/duplex')).duplex,
  'sysfs/class/net/flags': () => (require('./class/net/flags') as typeof import('./class/net/flags')).flags,
  'sysfs/class/net/ifalias': () => (require('./class/net/ifalias') as typeof import('./class/net/ifalias')).ifalias,
  'sysfs/class/net/ifindex': () => (require('./class/net/ifindex') as typeof import('./class/net/ifindex')).ifindex,
  'sysfs/class/net/iflink': () => (require('./class/net/iflink') as typeof import('./class/net/iflink')).iflink,
  'sysfs/class/net/link_mode': () => (require('./class/net/link_mode') as typeof import('./class/net/link_mode')).linkMode,
  'sysfs/class/net/mtu': () => (require('./class/net/mtu') as typeof import('./class/net/mtu')).mtu,
  'sysfs/class/net/name_assign_type': () =>
    (require('./class/net/name_assign_type') as typeof import('./class/net/name_assign_type')).nameAssignType,
  'sysfs/class/net/netdev_group': () => (require('./class/net/netdev_group') as typeof import('./class/net/netdev_group')).netdevGroup,
  'sysfs/class/net/operstate': () => (require('./class/net/operstate') as typeof import('./class/net/operstate')).operstate,
  'sysfs/class/net/phys_port_id': () => (require('./class/net/phys_port_id') as typeof import('./class/net/phys_port_id')).physPortId,
  'sysfs/class/net/phys_port_name': () =>
    (require('./class/net/phys_port_name') as typeof import('./class/net/phys_port_name')).physPortName,
  'sysfs/class/net/phys_switch_id': () =>
    (require('./class/net/phys_switch_id') as typeof import('./class/net/phys_switch_id')).physSwitchId,
  'sysfs/class/net/speed': () => (require('./class/net/speed') as typeof import('./class/net/speed')).speed,
  'sysfs/class/net/tx_queue_len': () => (require('./class/net/tx_queue_len') as typeof import('./class/net/tx_queue_len')).txQueueLen,
  'sysfs/class/net/type': () => (require('./class/net/type') as typeof import('./class/net/type')).type,
  'sysfs/devices/system/clocksource/available_clocksource': () =>
    (require('./devices/system/clocksource/available_clocksource') as typeof import('./devices/system/clocksource/available_clocksource'))
      .availableClocksource,
  'sysfs/devices/system/clocksource/current_clocksource': () =>
    (require('./devices/system/clocksource/current_clocksource') as typeof import('./devices/system/clocksource/current_clocksource'))
      .currentClocksource,
}) satisfies HandlerTable;
