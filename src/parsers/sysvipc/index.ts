/** Every handler for a file under /proc/sysvipc, keyed by handler name. */
import { lazyHandlers, type HandlerTable } from '../../handler';

export const sysvipcHandlers = lazyHandlers({
  'sysvipc/msg': () => (require('./msg') as typeof import('./msg')).sysvipcMsg,
  'sysvipc/sem': () => (require('./sem') as typeof import('./sem')).sysvipcSem,
  'sysvipc/shm': () => (require('./shm') as typeof import('./shm')).sysvipcShm,
}) satisfies HandlerTable;
