/**
 * Not a parser: the record type collectors/conntrack.ts and collectors/processes.ts
 * import from this path. The handlers are nf_conntrack_count.ts and
 * nf_conntrack_max.ts here, their format formats/sysctl-integer.ts; delete this
 * file once collectors import from there.
 */
export type { SysctlValueRecord } from '../../../formats/sysctl-integer';
