/**
 * /proc/net/rpc/nfsd — NFS server RPC statistics.
 * Kernel: fs/nfsd/stats.c, nfsd_show() → net/sunrpc/stats.c, svc_seq_show(). Format: formats/rpc-stats.ts.
 * Sample: "rc 0 4810 4820"
 */
import { defineHandler } from '../../../handler';
import { parseRpcNfsd, type RpcStatsRecord } from '../../formats/rpc-stats';

export const rpcNfsd = defineHandler<RpcStatsRecord>({
  name: 'net/rpc/nfsd',
  summary: 'NFS server RPC statistics (names as prometheus/procfs)',
  parse: parseRpcNfsd,
});
