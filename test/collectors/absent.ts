/** Collectors whose files the two fixture captures lack, with the reason (shared by the golden and end-to-end tests). */

/**
 * Collectors whose file the Linux 3.2 capture lacks (the kernel has no such
 * file, or the capture did not include it): the run fails as node_exporter's
 * does (node_scrape_collector_success 0), and the golden file records that.
 */
export const ABSENT_ON_3_2: Record<string, string> = {
  pressure: 'no /proc/pressure before Linux 4.20',
  filefd: 'the capture has no /proc/sys',
  entropy: 'the capture has no /proc/sys',
  conntrack: 'the capture has no /proc/sys (nf_conntrack_count, nf_conntrack_max)',
  processes: 'the capture has no /proc/sys/kernel/pid_max, threads-max',
  nfs: 'no NFS client on the captured machine (no /proc/net/rpc/nfs); see nfs.test.ts',
  nfsd: 'no NFS server on the captured machine (no /proc/net/rpc/nfsd); see nfsd.test.ts',
  kernel_hung: 'the capture has no /proc/sys (and Linux 3.2 no hung_task_detect_count)',
  ipvs: 'no IPVS on the captured machine (no /proc/net/ip_vs_stats); see ipvs.test.ts',
  drbd: 'no DRBD on the captured machine (no /proc/drbd); see drbd.test.ts',
  zfs: 'no ZFS on the captured machine (no /proc/spl/kstat/zfs); see zfs.test.ts',
};

/** The same for the Linux 6.18 capture (this machine). */
export const ABSENT_ON_6_18: Record<string, string> = {
  mdadm: 'no md driver loaded here (no /proc/mdstat); the 3.2 capture has arrays, and mdadm.test.ts more',
  schedstat: 'kernel built without CONFIG_SCHEDSTATS (no /proc/schedstat)',
  nfs: 'no NFS client here (no /proc/net/rpc/nfs); see nfs.test.ts',
  nfsd: 'no NFS server here (no /proc/net/rpc/nfsd); see nfsd.test.ts',
  mountstats: 'the capture has no /proc/self; see mountstats.test.ts',
  ipvs: 'no IPVS here (no /proc/net/ip_vs_stats); see ipvs.test.ts',
  drbd: 'no DRBD here (no /proc/drbd); see drbd.test.ts',
  zfs: 'no ZFS here (no /proc/spl/kstat/zfs); see zfs.test.ts',
};
