/**
 * Every handler for a file of the root filesystem (`--path.rootfs`), keyed by handler name:
 * `rootfs/` and the path under / of files node_exporter's collectors read outside /proc and /sys.
 * Every handler here has `root: 'rootfs'`.
 */
import type { HandlerTable } from '../../handler';
import { etcOsRelease } from './etc/os-release';
import { usrLibOsRelease } from './usr/lib/os-release';

export const rootfsHandlers = {
  'rootfs/etc/os-release': etcOsRelease,
  'rootfs/usr/lib/os-release': usrLibOsRelease,
} satisfies HandlerTable;
