/**
 * Every handler for a file of the root filesystem (`--path.rootfs`), keyed by handler name: paths
 * under / that node_exporter's collectors read outside /proc and /sys. Every handler here has
 * `root: 'rootfs'`.
 */
import type { HandlerTable } from '../../handler';
import { etcOsRelease, usrLibOsRelease } from './os-release';

export const rootfsHandlers = {
  'etc/os-release': etcOsRelease,
  'usr/lib/os-release': usrLibOsRelease,
} satisfies HandlerTable;
