/**
 * Large inputs in the kernel's exact formats, for the parse-throughput part of
 * the benchmark (bench/run.ts) and the synthetic procfs trees of its scaling
 * part. Deterministic: every run parses the same bytes.
 */
import * as fs from 'fs';

/** A deterministic pseudo-random sequence (xorshift32). */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).toUpperCase().padStart(width, '0');
}

function padEnd(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

function right(value: string | number, width: number): string {
  return String(value).padStart(width);
}

/**
 * /proc/net/tcp with `rows` rows: net/ipv4/tcp_ipv4.c get_tcp4_sock()
 * ("%4d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %pK %lu %lu %u %u %d"),
 * get_timewait4_sock() for TIME_WAIT rows, every line padded to TMPSZ - 1 = 149
 * characters (seq_setwidth/seq_pad), the header likewise; a mix of LISTEN,
 * ESTABLISHED and TIME_WAIT rows over a few thousand addresses.
 */
export function generateTcpTable(rows: number): string {
  const TMPSZ = 150;
  const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
  const next = rng(0x5eed);
  const parts: string[] = [padEnd(HEADER, TMPSZ - 1)];
  const local = [0x0100007f, 0x0e01a8c0, 0x00000000, 0x0a00000a];
  for (let i = 0; i < rows; i++) {
    const r = next();
    const kind = i < 20 ? 0 : r % 10 < 7 ? 1 : 2; // LISTEN, ESTABLISHED, TIME_WAIT
    const src = local[r & 3];
    const srcp = kind === 0 ? 1024 + i : [22, 80, 443, 5432][r & 3];
    const dest = kind === 0 ? 0 : (0x0a000000 + (next() % 4096)) >>> 0;
    const destp = kind === 0 ? 0 : 1024 + (next() % 60000);
    const sl = right(i, 4);
    let line: string;
    if (kind === 2) {
      line = `${sl}: ${hex(src, 8)}:${hex(srcp, 4)} ${hex(dest, 8)}:${hex(destp, 4)} 06 00000000:00000000 03:${hex(next() % 6000, 8)} 00000000 ${right(0, 5)} ${right(0, 8)} 0 3 ${hex(next(), 8).toLowerCase().padStart(16, '0')}`;
    } else {
      const state = kind === 0 ? '0A' : '01';
      const uid = right([0, 33, 1000, 65534][r & 3], 5);
      const timer = kind === 1 && (r & 16) !== 0 ? `02:${hex(next() % 720000, 8)}` : '00:00000000';
      const tail = kind === 0 ? '100 0 0 10 4096' : `${20 + (r % 200)} 4 ${r % 32} ${10 + (r % 90)} ${r % 5 === 0 ? -1 : 7 + (r % 100)}`;
      line = `${sl}: ${hex(src, 8)}:${hex(srcp, 4)} ${hex(dest, 8)}:${hex(destp, 4)} ${state} ${hex(r % 4096, 8)}:${hex(0, 8)} ${timer} 00000000 ${uid} ${right(0, 8)} ${10000 + i} 1 ${hex(next(), 8).toLowerCase().padStart(16, '0')} ${tail}`;
    }
    parts.push(padEnd(line, TMPSZ - 1));
  }
  return parts.join('\n') + '\n';
}

/**
 * /proc/<pid>/smaps with `mappings` mappings: the blocks of a live smaps
 * (fs/proc/task_mmu.c show_smap(), this kernel's exact lines and padding)
 * repeated, each with a fresh address range of the same width.
 */
export function generateSmaps(mappings: number, template = fs.readFileSync('/proc/self/smaps', 'utf8')): string {
  const blocks: string[][] = [];
  for (const line of template.split('\n')) {
    if (line === '') continue;
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) blocks.push([line]);
    else blocks[blocks.length - 1]?.push(line);
  }
  if (blocks.length === 0) throw new Error('no mapping in the smaps template');
  const out: string[] = [];
  let address = 0x550000000000;
  for (let i = 0; i < mappings; i++) {
    const block = blocks[i % blocks.length];
    const first = block[0];
    const dash = first.indexOf('-');
    const space = first.indexOf(' ');
    const size = 0x1000 * (1 + (i % 64));
    const start = address.toString(16);
    const end = (address + size).toString(16);
    address += size;
    // Keep the line's width (the pathname column is padded to a fixed position).
    const line = dash === 12 && space === 25 ? `${start}-${end}${first.slice(space)}` : first;
    out.push(line, ...block.slice(1));
  }
  return out.join('\n') + '\n';
}

/**
 * /proc/<pid>/mountinfo with `mounts` mounts: fs/proc_namespace.c
 * show_mountinfo() ("%i %i %u:%u root mountpoint opts[ optional…] - fstype source superopts"),
 * with octal escapes in some mount points and the mix of a container host
 * (tmpfs, overlay with long options, ext4, proc, cgroup2, bind mounts).
 */
export function generateMountinfo(mounts: number): string {
  const lines: string[] = [];
  const next = rng(0x6d6f);
  for (let i = 0; i < mounts; i++) {
    const id = 22 + i;
    const parent = i === 0 ? 1 : 22 + (next() % i);
    const kind = i % 6;
    const shared = kind === 2 ? '' : kind === 3 ? ` master:${1 + (i % 50)}` : ` shared:${1 + (i % 400)}`;
    if (kind === 0) {
      lines.push(
        `${id} ${parent} 0:${40 + (i % 200)} / /run/user/${1000 + i} rw,nosuid,nodev,relatime${shared} - tmpfs tmpfs rw,size=1638400k,nr_inodes=409600,mode=700,uid=${1000 + i},gid=${1000 + i},inode64`,
      );
    } else if (kind === 1) {
      const layer = (n: number): string => `/var/lib/containers/storage/overlay/l/${hex(next(), 8)}${hex(n, 8)}`;
      lines.push(
        `${id} ${parent} 0:${40 + (i % 200)} / /var/lib/containers/storage/overlay/${hex(next(), 8).toLowerCase()}${i}/merged rw,relatime${shared} - overlay overlay rw,lowerdir=${layer(1)}:${layer(2)}:${layer(3)},upperdir=/var/lib/containers/storage/overlay/${i}/diff,workdir=/var/lib/containers/storage/overlay/${i}/work,nouserxattr`,
      );
    } else if (kind === 2) {
      lines.push(
        `${id} ${parent} 8:${1 + (i % 15)} /srv/data\\040${i} /mnt/backup\\040disk/${i} rw,noatime - ext4 /dev/sda${1 + (i % 15)} rw,errors=remount-ro`,
      );
    } else if (kind === 3) {
      lines.push(`${id} ${parent} 0:${21 + (i % 5)} / /proc/${i}/ns rw,nosuid,nodev,noexec,relatime${shared} - proc proc rw`);
    } else if (kind === 4) {
      lines.push(
        `${id} ${parent} 0:${27 + (i % 5)} / /sys/fs/cgroup/system.slice/unit-${i}.service rw,nosuid,nodev,noexec,relatime${shared} - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot`,
      );
    } else {
      lines.push(
        `${id} ${parent} 254:0 /var/lib/kubelet/pods/${hex(next(), 8).toLowerCase()}/volumes/${i} /var/lib/kubelet/pods/${i}/volume-subpaths/config/${i % 7} rw,relatime${shared} propagate_from:${1 + (i % 9)} - xfs /dev/mapper/vg0-root rw,attr2,inode64,logbufs=8,logbsize=32k,noquota`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * /proc/interrupts for `cpus` CPUs: kernel/irq/proc.c show_interrupts()
 * (header "%*s" + "CPU%-8d" each; rows "%*d: " + "%10u " per CPU + " %8s" chip
 * + " %*lu" hwirq + "-%-8s" trigger + "  %s" actions) and x86
 * arch_show_interrupts() ("%*s: " + "%10u " per CPU + "  description"; ERR and
 * MIS "%*s: %10u"). `irqs` numbered IRQs (NIC queues, NVMe, …).
 */
export function generateInterrupts(cpus: number, irqs = 2 * cpus + 40): string {
  const prec = irqs + 1000 >= 10000 ? 5 : 4;
  const next = rng(0x1e9);
  const header = ' '.repeat(prec + 8) + Array.from({ length: cpus }, (_, c) => `CPU${String(c).padEnd(8)}`).join('');
  const out: string[] = [header];
  const counts = (): string => {
    let s = '';
    for (let c = 0; c < cpus; c++) s += `${right(next() % 5 === 0 ? next() % 100000000 : next() % 1000, 10)} `;
    return s;
  };
  for (let i = 0; i < irqs; i++) {
    const chip = i < 16 ? 'IO-APIC' : 'PCI-MSIX-0000:3b:00.0';
    const trigger = i < 16 ? 'edge' : 'edge';
    const action = i < 16 ? (i === 0 ? 'timer' : `i8042, ttyS${i}`) : `mlx5_comp${i - 16}@pci:0000:3b:00.0`;
    out.push(`${right(i, prec)}: ${counts()} ${right(chip, 8)} ${right(i < 16 ? i : 524288 + i, prec)}-${padEnd(trigger, 8)}  ${action}`);
  }
  const arch: [string, string][] = [
    ['NMI', 'Non-maskable interrupts'],
    ['LOC', 'Local timer interrupts'],
    ['SPU', 'Spurious interrupts'],
    ['PMI', 'Performance monitoring interrupts'],
    ['IWI', 'IRQ work interrupts'],
    ['RTR', 'APIC ICR read retries'],
    ['RES', 'Rescheduling interrupts'],
    ['CAL', 'Function call interrupts'],
    ['TLB', 'TLB shootdowns'],
    ['TRM', 'Thermal event interrupts'],
    ['THR', 'Threshold APIC interrupts'],
    ['DFR', 'Deferred Error APIC interrupts'],
    ['MCE', 'Machine check exceptions'],
    ['MCP', 'Machine check polls'],
    ['HYP', 'Hypervisor callback interrupts'],
  ];
  for (const [name, description] of arch) out.push(`${right(name, prec)}: ${counts()}  ${description}`);
  out.push(`${right('ERR', prec)}: ${right(0, 10)}`);
  out.push(`${right('MIS', prec)}: ${right(0, 10)}`);
  for (const [name, description] of [
    ['PIN', 'Posted-interrupt notification event'],
    ['NPI', 'Nested posted-interrupt event'],
    ['PIW', 'Posted-interrupt wakeup event'],
  ]) {
    out.push(`${right(name, prec)}: ${counts()}  ${description}`);
  }
  return out.join('\n') + '\n';
}

const SOFTIRQS = ['HI', 'TIMER', 'NET_TX', 'NET_RX', 'BLOCK', 'IRQ_POLL', 'TASKLET', 'SCHED', 'HRTIMER', 'RCU'];

/** /proc/softirqs for `cpus` CPUs: fs/proc/softirqs.c show_softirqs() (20 spaces + "CPU%-8d" each; "%12s:" + " %10u" per CPU). */
export function generateSoftirqs(cpus: number): string {
  const next = rng(0x50f7 + cpus);
  const out: string[] = [' '.repeat(20) + Array.from({ length: cpus }, (_, c) => `CPU${String(c).padEnd(8)}`).join('')];
  for (const name of SOFTIRQS) {
    let line = `${right(name, 12)}:`;
    for (let c = 0; c < cpus; c++) line += ` ${right(name === 'HI' || name === 'IRQ_POLL' ? next() % 10 : next() % 400000000, 10)}`;
    out.push(line);
  }
  return out.join('\n') + '\n';
}

/**
 * /proc/diskstats with `devices` devices: block/genhd.c diskstats_show()
 * ("%4d %7d %pg %lu %lu %lu %u %lu %lu %lu %u %u %u %u %lu %lu %lu %u %lu %u"),
 * whole disks (nvmeXn1, dm-N: exported) and a few partitions (dropped by the
 * default device-exclude) as a host with many volumes has them.
 */
export function generateDiskstats(devices: number): string {
  const next = rng(0xd15c + devices);
  const out: string[] = [];
  for (let i = 0; i < devices; i++) {
    const kind = i % 4;
    const [major, minor, name] =
      kind === 0 ? [259, i, `nvme${i >> 2}n1`] : kind === 1 ? [259, i, `nvme${i >> 2}n1p1`] : [253, i, `dm-${i}`];
    const v = (): number => next() % 100000000;
    const small = (): number => next() % 100;
    out.push(
      `${right(major, 4)} ${right(minor, 7)} ${name} ${v()} ${v()} ${v()} ${v()} ${v()} ${v()} ${v()} ${v()} ${small()} ${v()} ${v()} ${small()} 0 ${v()} ${small()} ${v()} ${small()}`,
    );
  }
  return out.join('\n') + '\n';
}

/** The four 32-bit words of an IPv6 address as /proc/net/*6 prints them (each in host order). */
function ipv6Words(seed: number): string {
  return `${hex(0xfe80, 8)}${hex(0, 8)}${hex(seed >>> 8, 8)}${hex(seed, 8)}`;
}

/**
 * /proc/net/tcp6 with `rows` rows: net/ipv6/tcp_ipv6.c get_tcp6_sock()
 * ("%4d: %08X%08X%08X%08X:%04X %08X%08X%08X%08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %pK %lu %lu %u %u %d",
 * no padding); LISTEN rows first, then ESTABLISHED and TIME_WAIT as generateTcpTable.
 */
export function generateTcp6Table(rows: number): string {
  const HEADER =
    '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
  const next = rng(0x7c96);
  const parts: string[] = [HEADER];
  for (let i = 0; i < rows; i++) {
    const r = next();
    const kind = i < 20 ? 0 : r % 10 < 7 ? 1 : 2;
    const local = `${ipv6Words(r & 3)}:${hex(kind === 0 ? 1024 + i : [22, 80, 443, 5432][r & 3], 4)}`;
    const remote = kind === 0 ? `${hex(0, 32)}:0000` : `${ipv6Words(next() % 4096)}:${hex(1024 + (next() % 60000), 4)}`;
    const pointer = hex(next(), 8).toLowerCase().padStart(16, '0');
    if (kind === 2) {
      parts.push(
        `${right(i, 4)}: ${local} ${remote} 06 00000000:00000000 03:${hex(next() % 6000, 8)} 00000000 ${right(0, 5)} ${right(0, 8)} 0 3 ${pointer}`,
      );
    } else {
      const tail = kind === 0 ? '100 0 0 10 0' : `${20 + (r % 200)} 4 ${r % 32} ${10 + (r % 90)} -1`;
      parts.push(
        `${right(i, 4)}: ${local} ${remote} ${kind === 0 ? '0A' : '01'} ${hex(r % 4096, 8)}:${hex(0, 8)} 00:00000000 00000000 ${right([0, 33, 1000, 65534][r & 3], 5)} ${right(0, 8)} ${20000 + i} 1 ${pointer} ${tail}`,
      );
    }
  }
  return parts.join('\n') + '\n';
}

/**
 * /proc/net/udp (or udp6) with `rows` rows: net/ipv4/udp.c udp4_format_sock()
 * ("%5d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %pK %u", padded to 127
 * characters by seq_pad, the header likewise) and net/ipv6/datagram.c __ip6_dgram_sock_seq_show()
 * (no padding): unconnected (07) and connected (01) sockets, some with queued bytes.
 */
export function generateUdpTable(rows: number, ipv6 = false): string {
  const next = rng(ipv6 ? 0x0d96 : 0x0d94);
  const parts: string[] = [
    ipv6
      ? '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops'
      : padEnd('   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops', 127),
  ];
  for (let i = 0; i < rows; i++) {
    const r = next();
    const connected = r % 4 === 0;
    const port = 1024 + (r % 60000);
    const address = (seed: number): string => (ipv6 ? ipv6Words(seed) : hex(0x0a000000 + seed, 8));
    const local = `${address(r & 3)}:${hex(port, 4)}`;
    const remote = connected ? `${address(next() % 4096)}:${hex(53, 4)}` : `${ipv6 ? hex(0, 32) : hex(0, 8)}:0000`;
    const queues = `${hex(r % 8 === 0 ? next() % 4096 : 0, 8)}:${hex(r % 16 === 0 ? next() % 65536 : 0, 8)}`;
    const line = `${right(i % 65536, 5)}: ${local} ${remote} ${connected ? '01' : '07'} ${queues} 00:00000000 00000000 ${right([0, 101, 1000][r % 3], 5)} ${right(0, 8)} ${30000 + i} 2 ${hex(next(), 8).toLowerCase().padStart(16, '0')} ${r % 50 === 0 ? next() % 100 : 0}`;
    parts.push(ipv6 ? line : padEnd(line, 127));
  }
  return parts.join('\n') + '\n';
}

/** A cpumask as %*pb prints it: `bits` bits in hex, in groups of 8 digits separated by commas, most significant first. */
function cpumask(bits: number, first: number, count: number): string {
  const digits = Math.ceil(bits / 4);
  let text = '';
  for (let d = digits - 1; d >= 0; d--) {
    let nibble = 0;
    for (let b = 0; b < 4; b++) {
      const cpu = d * 4 + b;
      if (cpu >= first && cpu < first + count) nibble |= 1 << b;
    }
    text += nibble.toString(16);
    if (d > 0 && d % 8 === 0) text += ',';
  }
  return text;
}

/**
 * /proc/schedstat for `cpus` CPUs: kernel/sched/stats.c show_schedstat() (version 17: "cpu%d %u 0 %u %u %u %u %llu %llu %lu",
 * then one "domain%d %s %*pb" line per scheduling domain with its 45 counters). Two domains per CPU (SMT pairs, MC of all),
 * their masks nr_cpu_ids bits wide as the kernel prints them, so the file grows as cpus² at many CPUs as a real one does.
 */
export function generateSchedstat(cpus: number): string {
  const next = rng(0x5c4e + cpus);
  const counters = (): string => Array.from({ length: 45 }, () => next() % 100000).join(' ');
  const out = ['version 17', 'timestamp 4295215862'];
  for (let c = 0; c < cpus; c++) {
    out.push(`cpu${c} ${next() % 100} 0 ${next()} ${next()} ${next()} ${next()} ${next() * 1000} ${next()} ${next() % 1000000}`);
    out.push(`domain0 SMT ${cpumask(cpus, c - (c % 2), 2)} ${counters()}`);
    out.push(`domain1 MC ${cpumask(cpus, 0, cpus)} ${counters()}`);
  }
  return out.join('\n') + '\n';
}

/**
 * A mount table (fs/proc_namespace.c show_mountinfo()) of `mounts` ext4 mounts at `mountPoint(i)`,
 * each its own device, for the filesystem collector on real directories.
 */
export function generateExt4Mountinfo(mounts: number, mountPoint: (i: number) => string): string {
  const lines: string[] = [];
  for (let i = 0; i < mounts; i++) {
    lines.push(`${100 + i} 1 8:${i} / ${mountPoint(i)} rw,relatime shared:${1 + i} - ext4 /dev/sd${i} rw,errors=remount-ro`);
  }
  return lines.join('\n') + '\n';
}
