/**
 * /proc/net/rpc/nfs — NFS client RPC statistics.
 * Kernel: net/sunrpc/stats.c, rpc_proc_show(). Format: formats/rpc-stats.ts.
 * Sample: "proc3 22 0 14 0 3 5 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"
 */
import { defineHandler } from '../../../handler';
import { parseRpcNfs, type RpcStatsRecord } from '../../formats/rpc-stats';

/** collectors/nfs.ts and collectors/nfsd.ts import the record type and the procedure names from here. */
export { NFS_CLIENT_V4, NFS_V2, NFS_V3, type RpcStatsRecord } from '../../formats/rpc-stats';

export const rpcNfs = defineHandler<RpcStatsRecord>({
  name: 'net/rpc/nfs',
  summary: 'NFS client RPC statistics (names as prometheus/procfs)',
  parse: parseRpcNfs,
});
