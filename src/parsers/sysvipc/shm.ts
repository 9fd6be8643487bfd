/**
 * /proc/sysvipc/shm — System V shared memory segments.
 * Kernel: ipc/shm.c, sysvipc_shm_proc_show(); header from shm_init_ns()/ipc_init_proc_interface().
 * Sample: "         0      65536  1700                184320  3834  3440      2   500   500   500   500 1395779623          0 1395779623                184320                     0"
 *
 * size, rss and swap are in bytes; times are seconds since the epoch (0: never).
 */
import { defineHandler } from '../../handler';
import { sysvipcTable } from '../formats/sysvipc';

export interface SysvipcShmRecord {
  key: number;
  shmid: number;
  /** Permission bits and SHM_DEST/SHM_LOCKED flags as the kernel prints them, octal text ("1700"). */
  perms: string;
  size: number;
  cpid: number;
  lpid: number;
  nattch: number;
  uid: number;
  gid: number;
  cuid: number;
  cgid: number;
  atime: number;
  dtime: number;
  ctime: number;
  /** Resident bytes (Linux 2.6.32+). */
  rss?: number;
  /** Swapped-out bytes (Linux 2.6.32+). */
  swap?: number;
}

const REQUIRED = ['key', 'shmid', 'perms', 'size', 'cpid', 'lpid', 'nattch', 'uid', 'gid', 'cuid', 'cgid', 'atime', 'dtime', 'ctime'];

export function parseSysvipcShm(text: string, file = 'sysvipc/shm'): SysvipcShmRecord[] {
  return sysvipcTable(text, file, REQUIRED) as unknown as SysvipcShmRecord[];
}

export const sysvipcShm = defineHandler<SysvipcShmRecord>({
  name: 'sysvipc/shm',
  summary: 'System V shared memory segments (key, id, permissions, size, pids, attaches, owners, times, rss, swap)',
  parse: parseSysvipcShm,
});
