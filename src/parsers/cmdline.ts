/**
 * /proc/cmdline — the kernel command line.
 * Kernel: fs/proc/cmdline.c, cmdline_proc_show() ("%s\n", saved_command_line).
 * Sample: "BOOT_IMAGE=/vmlinuz-3.2.0-24-generic root=UUID=a959862a-… ro quiet splash vt.handoff=7"
 *
 * One record: the line as text and its parameters split on spaces, the way
 * the kernel splits them (kernel/params.c, next_arg()): double quotes keep a
 * value with spaces together and stay in the parameter as written. Arguments
 * after "--" (passed to init) are parameters too.
 */
import { defineHandler } from '../handler';
import { Lines } from './helpers';

export interface CmdlineRecord {
  cmdline: string;
  parameters: string[];
}

export function splitCmdline(line: string): string[] {
  const parameters: string[] = [];
  let start = -1;
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k];
    if (c === '"') {
      if (start < 0) start = k;
      quoted = !quoted;
    } else if ((c === ' ' || c === '\t') && !quoted) {
      if (start >= 0) parameters.push(line.slice(start, k));
      start = -1;
    } else if (start < 0) {
      start = k;
    }
  }
  if (start >= 0) parameters.push(line.slice(start));
  return parameters;
}

export function parseCmdline(text: string, file = 'cmdline'): CmdlineRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (src.length > 1) src.fail(1, 'expected one line');
  const cmdline = src.lines[0].trim();
  if (cmdline === '') return [];
  return [{ cmdline, parameters: splitCmdline(cmdline) }];
}

export const cmdline = defineHandler<CmdlineRecord>({
  name: 'cmdline',
  summary: 'the kernel command line and its parameters',
  parse: parseCmdline,
});
