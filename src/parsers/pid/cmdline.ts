/**
 * /proc/<pid>/cmdline — the argument list.
 * Kernel: fs/proc/base.c, proc_pid_cmdline_read() / get_mm_cmdline().
 * Sample: "/usr/bin/python3\0holder.py\0"
 *
 * One record with `argv`, split at the NUL bytes; the NUL that ends the last
 * argument makes no extra empty argument. A process that rewrote its title
 * (setproctitle) has spaces instead of NULs: one element, kept as written.
 * Kernel threads and zombies have an empty file: no record. Every byte string is
 * a possible command line (Linux 3.2 cuts it at one page, leaving the last
 * argument unterminated), so nothing here is malformed.
 */
import { defineHandler } from '../../handler';

export interface CmdlineRecord {
  argv: string[];
}

export function parseCmdline(text: string, _file = 'pid/cmdline'): CmdlineRecord[] {
  if (text.length === 0) return [];
  const argv = text.split('\0');
  if (text.endsWith('\0')) argv.pop();
  return [{ argv }];
}

export const cmdline = defineHandler<CmdlineRecord>({
  name: 'pid/cmdline',
  summary: 'process argument list (argv)',
  parse: parseCmdline,
});
