/**
 * Not a parser: the record type collectors/zfs.ts imports from this path. The
 * handlers are spl/kstat/zfs/pool/io.ts, objset.ts and state.ts; delete this
 * file once the collector imports from there.
 */
export type { ZpoolStateRecord } from './pool/state';
