/**
 * The one table of every handler, merged from the per-area tables. No
 * registration by import side effects: a handler exists because it is listed.
 * Each is loaded when first read (lazyHandlers, src/handler.ts).
 */
import type { Handler, HandlerTable } from './handler';
import { rootHandlers } from './parsers/index';
import { netHandlers } from './parsers/net/index';
import { pidHandlers } from './parsers/pid/index';
import { rootfsHandlers } from './parsers/rootfs/index';
import { sysfsHandlers } from './parsers/sysfs/index';
import { sysvipcHandlers } from './parsers/sysvipc/index';

/**
 * Every handler: the /proc areas, then the few /sys and root-filesystem files (their `root` says which tree).
 * The areas' properties are copied as they are, getters included: a handler is loaded when first read.
 */
export const handlers: HandlerTable = Object.defineProperties(
  {},
  {
    ...Object.getOwnPropertyDescriptors(rootHandlers),
    ...Object.getOwnPropertyDescriptors(netHandlers),
    ...Object.getOwnPropertyDescriptors(pidHandlers),
    ...Object.getOwnPropertyDescriptors(sysvipcHandlers),
    ...Object.getOwnPropertyDescriptors(sysfsHandlers),
    ...Object.getOwnPropertyDescriptors(rootfsHandlers),
  },
);

export function handlerNames(): string[] {
  return Object.keys(handlers).sort();
}

export function getHandler(name: string): Handler<object> | undefined {
  return Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : undefined;
}
