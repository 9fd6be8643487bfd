/**
 * Not a parser: what collectors/lnstat.ts and collectors/conntrack.ts import from
 * this path. The handlers are the files of net/stat/, their format
 * formats/lnstat.ts; delete this file once collectors import from there.
 */
export { parseNetStat, type NetStatRecord } from '../formats/lnstat';
