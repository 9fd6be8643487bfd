/**
 * /proc/<pid>/syscall — the system call the task is blocked in.
 * Kernel: fs/proc/base.c, proc_pid_syscall().
 * Sample: "230 0x1 0x1 0x7fff8e8cb220 0x0 0x0 0x0 0x7fff8e8cb208 0x7f12904ed503"
 *
 * Three shapes: `running`; `nr sp pc` when not in a system call (nr is -1);
 * `nr arg1 … arg6 sp pc`. Registers stay hex text as written.
 */
import { defineHandler } from '../../handler';
import { fields, isHex, Lines, oneLine } from '../helpers';

export interface SyscallRecord {
  running: boolean;
  nr?: number;
  args?: string[];
  sp?: string;
  pc?: string;
}

export function parseSyscall(text: string, file = 'pid/syscall'): SyscallRecord[] {
  const src = new Lines(file, text);
  const line = oneLine(src);
  if (line === undefined) return [];
  const f = fields(line);
  if (f.length === 1 && f[0] === 'running') return [{ running: true }];
  if (f.length !== 3 && f.length !== 9) src.fail(0, `expected "running", "nr sp pc" or "nr arg1…arg6 sp pc", found ${f.length} fields`);
  for (let k = 1; k < f.length; k++) if (!isHex(f[k])) src.fail(0, `register ${k} is not hexadecimal (${JSON.stringify(f[k])})`);
  const record: SyscallRecord = { running: false, nr: src.int(f[0], 0, 'syscall number') };
  if (f.length === 9) record.args = f.slice(1, 7);
  record.sp = f[f.length - 2];
  record.pc = f[f.length - 1];
  return [record];
}

export const syscall = defineHandler<SyscallRecord>({
  name: 'pid/syscall',
  summary: 'system call number, arguments, stack pointer and program counter of a blocked task',
  parse: parseSyscall,
});
