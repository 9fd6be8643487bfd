/** Every handler for a per-process file (/proc/<pid>, /proc/self, task/<tid>), keyed by handler name. */
import type { HandlerTable } from '../../handler';

export const pidHandlers = {} satisfies HandlerTable;
