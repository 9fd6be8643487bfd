/**
 * Not a parser: the record type collectors/entropy.ts imports from this path.
 * The handlers are sys/kernel/random/entropy_avail.ts and poolsize.ts, their
 * format formats/sysctl-integer.ts; delete this file once collectors import from there.
 */
export type { SysctlValueRecord as RandomValueRecord } from '../../formats/sysctl-integer';
