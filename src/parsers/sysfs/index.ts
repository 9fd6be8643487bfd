/**
 * Every handler for a file under /sys (`--path.sysfs`), keyed by handler name. Names are paths
 * under /sys with the variable directory left out (`class/net/mtu` reads
 * `class/net/<iface>/mtu`); every handler here has `root: 'sysfs'`.
 */
import type { HandlerTable } from '../../handler';
import { netClassHandlers } from './class/net';
import { availableClocksource, currentClocksource } from './devices/system/clocksource';

export const sysfsHandlers = {
  ...netClassHandlers,
  'devices/system/clocksource/available_clocksource': availableClocksource,
  'devices/system/clocksource/current_clocksource': currentClocksource,
} satisfies HandlerTable;
