/** Every handler for a file under /proc/sysvipc, keyed by handler name. */
import type { HandlerTable } from '../../handler';
import { sysvipcMsg } from './msg';
import { sysvipcSem } from './sem';
import { sysvipcShm } from './shm';

export const sysvipcHandlers = {
  'sysvipc/msg': sysvipcMsg,
  'sysvipc/sem': sysvipcSem,
  'sysvipc/shm': sysvipcShm,
} satisfies HandlerTable;
