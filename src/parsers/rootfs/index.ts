/**
 * Every handler for a file of the root filesystem (`--path.rootfs`), keyed by handler name:
 * `rootfs/` and the path under / of files node_exporter's collectors read outside /proc and /sys.
 * Every handler here has `root: 'rootfs'`.
 */
import { lazyHandlers, type HandlerTable } from '../../handler';

export const rootfsHandlers = lazyHandlers({
  'rootfs/etc/os-release': () => (require('./etc/os-release') as typeof import('./etc/os-release')).etcOsRelease,
  'rootfs/usr/lib/os-release': () => (require('./usr/lib/os-release') as typeof import('./usr/lib/os-release')).usrLibOsRelease,
}) satisfies HandlerTable;
