import { expect } from 'chai';
import type { Handler, HandlerTable } from '../src/handler';
import { handlers } from '../src/registry';
import { resolveHandler } from '../src/resolve';

function fake(name: string, pattern?: string): Handler<object> {
  return { name, pattern, summary: name, parse: () => [] };
}

const table: HandlerTable = Object.fromEntries(
  [
    fake('stat'),
    fake('vmstat'),
    fake('sysvipc/msg'),
    fake('mdstat'),
    fake('pid/stat'),
    fake('pid/maps'),
    fake('pid/numa_maps'),
    fake('net/tcp'),
    fake('net/tcp6'),
    fake('net/nf_conntrack'),
    fake('net/stat/nf_conntrack'),
    fake('net/stat/arp_cache'),
    fake('net/dev_snmp6', 'net/dev_snmp6/*'),
    fake('pid/fd', '<pid>/fd/*'),
    fake('mounts'),
    fake('pid/mounts'),
    fake('pressure/memory'),
    fake('pid/status'),
    fake('net/dev'),
    fake('sys/kernel/pid_max'),
  ].map((h) => [h.name, h]),
);

function resolve(file: string): string | undefined {
  return resolveHandler(file, table)?.name;
}

describe('resolving a handler from a path', () => {
  it('takes a copy whose name ends with the file name', () => {
    expect(resolve('/tmp/copy-of-tcp6')).to.equal('net/tcp6');
    expect(resolve('/tmp/copy-of-stat')).to.equal('stat');
    expect(resolve('/var/backups/aqui-ex6.mdstat')).to.equal('mdstat');
  });

  it('refuses a name that only starts with the file name', () => {
    expect(resolve('/tmp/tcp6-from-thursday')).to.equal(undefined);
  });

  it('wants a separator before the file name in a longer name', () => {
    expect(resolve('/proc/kmsg')).to.equal(undefined);
    expect(resolve('/tmp/mystat')).to.equal(undefined);
    expect(resolve('/tmp/saved.vmstat')).to.equal('vmstat');
    expect(resolve('/tmp/my_stat')).to.equal('stat');
  });

  it('prefers the longest trailing match', () => {
    expect(resolve('/proc/self/stat')).to.equal('pid/stat');
    expect(resolve('/proc/1234/stat')).to.equal('pid/stat');
    expect(resolve('/proc/1234/task/1240/stat')).to.equal('pid/stat');
    expect(resolve('/proc/thread-self/stat')).to.equal('pid/stat');
    expect(resolve('/proc/stat')).to.equal('stat');
    expect(resolve('stat')).to.equal('stat');
    expect(resolve('/proc/net/stat/arp_cache')).to.equal('net/stat/arp_cache');
    expect(resolve('/proc/net/stat/nf_conntrack')).to.equal('net/stat/nf_conntrack');
    expect(resolve('/proc/net/nf_conntrack')).to.equal('net/nf_conntrack');
    expect(resolve('/proc/self/mounts')).to.equal('pid/mounts');
    expect(resolve('/proc/mounts')).to.equal('mounts');
  });

  it('prefers the exact name over a longer name ending with it', () => {
    expect(resolve('/proc/vmstat')).to.equal('vmstat');
    expect(resolve('/proc/self/numa_maps')).to.equal('pid/numa_maps');
    expect(resolve('/proc/self/maps')).to.equal('pid/maps');
  });

  it('takes any file of a folder of like files, but only inside that folder', () => {
    expect(resolve('/proc/net/dev_snmp6/eth0')).to.equal('net/dev_snmp6');
    expect(resolve('/proc/self/fd/0')).to.equal('pid/fd');
    expect(resolve('/tmp/eth0')).to.equal(undefined);
  });

  it('takes a folder in the middle of a pattern, and a name prefix, as ZFS pools and datasets need', () => {
    const real = (file: string): string | undefined => resolveHandler(file, handlers)?.name;
    expect(real('/proc/spl/kstat/zfs/tank/objset-0x36')).to.equal('spl/kstat/zfs/pool/objset');
    expect(real('/proc/spl/kstat/zfs/tank/io')).to.equal('spl/kstat/zfs/pool/io');
    expect(real('/proc/spl/kstat/zfs/tank/state')).to.equal('spl/kstat/zfs/pool/state');
    expect(real('/proc/spl/kstat/zfs/arcstats')).to.equal('spl/kstat/zfs/arcstats');
    // The prefix alone is not a dataset, and a process's io stays a process's.
    expect(real('/proc/spl/kstat/zfs/tank/objset-')).to.equal(undefined);
    expect(real('/proc/self/io')).to.equal('pid/io');
    expect(real('/proc/1234/task/1234/io')).to.equal('pid/io');
  });

  it('takes a path under /proc at its word: a file of another /proc directory is not a root file nor a copy', () => {
    expect(resolve('/proc/fs/xfs/stat')).to.equal(undefined);
    expect(resolve('fixtures/proc/fs/xfs/stat')).to.equal(undefined);
    expect(resolve('fs/xfs/stat')).to.equal(undefined);
    expect(resolve('/proc/sys/vm/overcommit_memory')).to.equal(undefined);
    expect(resolve('sys/vm/overcommit_memory')).to.equal(undefined);
    expect(resolve('/proc/sys/fs/binfmt_misc/status')).to.equal(undefined);
    expect(resolve('/proc/driver/stat')).to.equal(undefined);
    // …while /proc's own files keep resolving, through a process directory too (/proc/self/net is /proc/net).
    expect(resolve('/proc/pressure/memory')).to.equal('pressure/memory');
    expect(resolve('/proc/sys/kernel/pid_max')).to.equal('sys/kernel/pid_max');
    expect(resolve('sys/kernel/pid_max')).to.equal('sys/kernel/pid_max');
    expect(resolve('/proc/self/net/dev')).to.equal('net/dev');
    expect(resolve('/proc/1/task/1/net/tcp6')).to.equal('net/tcp6');
    expect(resolve('/proc/1234/task/1240/status')).to.equal('pid/status');
    expect(resolve('1234/status')).to.equal('pid/status');
    expect(resolve('/proc/self/fd/3')).to.equal('pid/fd');
    expect(resolve('/proc/stat')).to.equal('stat');
  });
});
