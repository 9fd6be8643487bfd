/**
 * /proc/sysvipc/sem — System V semaphore sets.
 * Kernel: ipc/sem.c, sysvipc_sem_proc_show(); header from sem_init_ns()/ipc_init_proc_interface().
 * Sample: "   3121959      32768   666          2     0     0     0     0 1396450035 1395779560"
 *
 * Times are seconds since the epoch (otime 0: never operated on).
 */
import { defineHandler } from '../../handler';
import { sysvipcTable } from '../formats/sysvipc';

export interface SysvipcSemRecord {
  key: number;
  semid: number;
  /** Permission bits as the kernel prints them, octal text ("600"). */
  perms: string;
  nsems: number;
  uid: number;
  gid: number;
  cuid: number;
  cgid: number;
  otime: number;
  ctime: number;
}

const REQUIRED = ['key', 'semid', 'perms', 'nsems', 'uid', 'gid', 'cuid', 'cgid', 'otime', 'ctime'];

export function parseSysvipcSem(text: string, file = 'sysvipc/sem'): SysvipcSemRecord[] {
  return sysvipcTable(text, file, REQUIRED) as unknown as SysvipcSemRecord[];
}

export const sysvipcSem = defineHandler<SysvipcSemRecord>({
  name: 'sysvipc/sem',
  summary: 'System V semaphore sets (key, id, permissions, semaphores per set, owners, times)',
  parse: parseSysvipcSem,
});
