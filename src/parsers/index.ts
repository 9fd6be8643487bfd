/**
 * Every handler for a file in the root of /proc (and its small subtrees such
 * as pressure/ and sys/), keyed by handler name.
 */
import type { HandlerTable } from '../handler';
import { diskstats } from './diskstats';
import { meminfo } from './meminfo';
import { softirqs } from './softirqs';

export const rootHandlers = {
  diskstats,
  meminfo,
  softirqs,
} satisfies HandlerTable;
