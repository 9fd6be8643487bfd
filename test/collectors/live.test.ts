/**
 * Live: every collector enabled by default, run once on this machine's /proc,
 * reports node_scrape_collector_success 1. A collector whose file this kernel
 * lacks may be listed in EXCLUDED with the reason.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import { collectors } from '../../collectors/index';
import { runExporter } from '../exporter/helpers';

const EXCLUDED: Record<string, string> = {
  // name: 'reason (the file this kernel lacks)',
  // Files present only with a driver or kernel option: node_exporter fails these runs too (no data).
  ...(fs.existsSync('/proc/mdstat') ? {} : { mdadm: 'no /proc/mdstat (md driver not loaded)' }),
  ...(fs.existsSync('/proc/schedstat') ? {} : { schedstat: 'no /proc/schedstat (kernel without CONFIG_SCHEDSTATS)' }),
  ...(fs.existsSync('/proc/net/rpc/nfs') ? {} : { nfs: 'no /proc/net/rpc/nfs (NFS client not loaded)' }),
  ...(fs.existsSync('/proc/net/rpc/nfsd') ? {} : { nfsd: 'no /proc/net/rpc/nfsd (NFS server not loaded)' }),
  ...(fs.existsSync('/proc/sys/net/netfilter/nf_conntrack_count') ? {} : { conntrack: 'no /proc/sys/net/netfilter (nf_conntrack not loaded)' }),
  ...(fs.existsSync('/proc/net/ip_vs_stats') ? {} : { ipvs: 'no /proc/net/ip_vs_stats (IPVS not loaded)' }),
  ...(fs.existsSync('/proc/spl/kstat/zfs') ? {} : { zfs: 'no /proc/spl/kstat/zfs (ZFS not loaded)' }),
};

describe('live: default collectors on this machine', function () {
  this.timeout(60_000);
  const defaults = Object.values(collectors).filter((c) => c.defaultEnabled && !(c.name in EXCLUDED));

  it('every default-enabled collector reports node_scrape_collector_success 1 on /proc', function () {
    if (!fs.existsSync('/proc/self/stat')) this.skip();
    const result = runExporter(['--once', '--config', '/dev/null', '--path.procfs', '/proc']);
    expect(result.status, result.stderr).to.equal(0);
    const failed = defaults.filter((c) => !result.stdout.includes(`node_scrape_collector_success{collector="${c.name}"} 1\n`)).map((c) => c.name);
    expect(failed, 'collectors without success 1').to.deep.equal([]);
  });
});
