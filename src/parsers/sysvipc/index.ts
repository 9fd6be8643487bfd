/** Every handler for a file under /proc/sysvipc, keyed by handler name. */
import type { HandlerTable } from '../../handler';

export const sysvipcHandlers = {} satisfies HandlerTable;
