import { expect } from 'chai';
import * as path from 'path';
import { nfs } from '../../collectors/nfs';
import { nfsd } from '../../collectors/nfsd';
import { MissingFileError } from '../../src/collector';
import { run, series, TREES } from './run';

const TREE = path.join(TREES, 'nfs', 'proc');

describe('nfs collector', () => {
  it('exports the client counters and every v2/v3/v4 procedure procfs names', async () => {
    const s = series(await run(nfs, TREE));
    expect(s['node_nfs_rpcs_total']).to.equal(23740);
    expect(s['node_nfs_rpc_retransmissions_total']).to.equal(0);
    expect(s['node_nfs_packets_total{protocol="tcp"}']).to.equal(0);
    expect(s['node_nfs_connections_total']).to.equal(0);
    expect(s['node_nfs_requests_total{proto="3",method="GetAttr"}']).to.equal(1240);
    expect(s['node_nfs_requests_total{proto="3",method="Commit"}']).to.equal(901);
    expect(s['node_nfs_requests_total{proto="4",method="Read"}']).to.equal(310);
    expect(s['node_nfs_requests_total{proto="4",method="Sequence"}']).to.equal(4210);
    const count = (proto: string): number => Object.keys(s).filter((k) => k.startsWith(`node_nfs_requests_total{proto="${proto}"`)).length;
    expect([count('2'), count('3'), count('4')]).to.deep.equal([18, 22, 59]);
  });

  it('exports a line the kernel does not print (no proc2: no NFSv2) as zeros, as procfs does', async () => {
    const s = series(await run(nfs, TREE));
    expect(s['node_nfs_requests_total{proto="2",method="Read"}']).to.equal(0);
    expect(s['node_nfs_requests_total{proto="2",method="Null"}']).to.equal(0);
  });

  it('fails as "file not present" without /proc/net/rpc/nfs, as node_exporter returns no data', async () => {
    let error: unknown;
    await run(nfs, path.join(TREES, 'mdadm', 'proc')).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(MissingFileError);
  });
});

describe('nfsd collector', () => {
  it('exports the server counters and the procedures and v4 operations node_exporter lists', async () => {
    const s = series(await run(nfsd, TREE));
    expect(s['node_nfsd_reply_cache_hits_total']).to.equal(0);
    expect(s['node_nfsd_reply_cache_misses_total']).to.equal(4810);
    expect(s['node_nfsd_reply_cache_nocache_total']).to.equal(4820);
    expect(s['node_nfsd_disk_bytes_read_total']).to.equal(40960512);
    expect(s['node_nfsd_disk_bytes_written_total']).to.equal(88123392);
    expect(s['node_nfsd_server_threads']).to.equal(8);
    expect(s['node_nfsd_packets_total{proto="tcp"}']).to.equal(17065);
    expect(s['node_nfsd_connections_total']).to.equal(6);
    expect(s['node_nfsd_server_rpcs_total']).to.equal(17065);
    expect(s['node_nfsd_rpc_errors_total{error="cInt"}']).to.equal(0);
    expect(s['node_nfsd_requests_total{proto="3",method="GetAttr"}']).to.equal(3120);
    expect(s['node_nfsd_requests_total{proto="4",method="Access"}']).to.equal(120);
    expect(s['node_nfsd_requests_total{proto="4",method="PutFH"}']).to.equal(2100);
    // Not exported by node_exporter: Null, and the unused / client-id v4 operations.
    expect(s).to.not.have.property('node_nfsd_requests_total{proto="3",method="Null"}');
    expect(s).to.not.have.property('node_nfsd_requests_total{proto="4",method="Op0Unused"}');
    expect(s).to.not.have.property('node_nfsd_requests_total{proto="4",method="SetClientID"}');
    const count = (proto: string): number => Object.keys(s).filter((k) => k.startsWith(`node_nfsd_requests_total{proto="${proto}"`)).length;
    expect([count('2'), count('3'), count('4')]).to.deep.equal([17, 21, 33]);
  });

  it('exports a line the kernel does not print (proc2) as zeros, as procfs does', async () => {
    const s = series(await run(nfsd, TREE));
    expect(s['node_nfsd_requests_total{proto="2",method="Read"}']).to.equal(0);
    expect(s['node_nfsd_requests_total{proto="2",method="FsStat"}']).to.equal(0);
  });
});
