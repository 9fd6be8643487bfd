/**
 * /proc/sysvipc/msg — System V message queues.
 * Kernel: ipc/msg.c, sysvipc_msg_proc_show(); header from msg_init_ns()/ipc_init_proc_interface().
 * Sample: "      1959        768   666        8273          1   231  8123   501   501     0     0 1395779623 1396236812 1395779912"
 *
 * Times are seconds since the epoch (0: never); cbytes is bytes queued.
 */
import { defineHandler } from '../../handler';
import { sysvipcTable } from '../formats/sysvipc';

export interface SysvipcMsgRecord {
  key: number;
  msqid: number;
  /** Permission bits as the kernel prints them, octal text ("666"). */
  perms: string;
  cbytes: number;
  qnum: number;
  lspid: number;
  lrpid: number;
  uid: number;
  gid: number;
  cuid: number;
  cgid: number;
  stime: number;
  rtime: number;
  ctime: number;
}

const REQUIRED = ['key', 'msqid', 'perms', 'cbytes', 'qnum', 'lspid', 'lrpid', 'uid', 'gid', 'cuid', 'cgid', 'stime', 'rtime', 'ctime'];

export function parseSysvipcMsg(text: string, file = 'sysvipc/msg'): SysvipcMsgRecord[] {
  return sysvipcTable(text, file, REQUIRED) as unknown as SysvipcMsgRecord[];
}

export const sysvipcMsg = defineHandler<SysvipcMsgRecord>({
  name: 'sysvipc/msg',
  summary: 'System V message queues (key, id, permissions, bytes and messages queued, pids, owners, times)',
  parse: parseSysvipcMsg,
});
