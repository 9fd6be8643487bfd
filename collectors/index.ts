/**
 * Every collector, in one explicit table (no registration by import side
 * effects): a collector exists because it is listed here. The key is the
 * collector's name. Adding one: docs/collectors.md.
 */
import type { CollectorTable } from '../src/exporter/mapper';
import { diskstats } from './diskstats';
import { netstat } from './netstat';
import { sockstat } from './sockstat';
import { softirqs } from './softirqs';

export const collectors = {
  diskstats,
  netstat,
  sockstat,
  softirqs,
} satisfies CollectorTable;

export type CollectorName = keyof typeof collectors;
