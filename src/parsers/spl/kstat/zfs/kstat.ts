/**
 * Not a parser: the record type collectors/zfs.ts imports from this path. The
 * format is formats/kstat.ts; delete this file once the collector imports from there.
 */
export type { KstatNamedRecord } from '../../../formats/kstat';
