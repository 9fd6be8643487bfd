/**
 * /proc/<pid>/attr/current, prev, exec, fscreate, keycreate, sockcreate — LSM labels.
 * Kernel: fs/proc/base.c, proc_pid_attr_read() → security_getprocattr()
 * (AppArmor: security/apparmor/procattr.c aa_getprocattr() "label (mode)\n";
 * SELinux: the context with a trailing NUL).
 * Sample: "docker-default (enforce)"
 *
 * One record: the label and, for AppArmor's "label (mode)", the mode. Empty
 * files (no label set) give no record. Without an LSM the kernel answers
 * EINVAL, so this machine shows none: the fixture
 * fixtures/synthetic/proc/1234/attr/current is synthetic, following
 * aa_getprocattr()'s format.
 */
import { defineHandler } from '../../handler';
import { Lines } from '../helpers';

export interface AttrRecord {
  label: string;
  /** AppArmor's profile mode (enforce, complain, kill, unconfined …) when written. */
  mode?: string;
}

export function parseAttr(text: string, file = 'pid/attr'): AttrRecord[] {
  let value = text;
  while (value.endsWith('\0') || value.endsWith('\n')) value = value.slice(0, -1);
  if (value === '') return [];
  const src = new Lines(file, value);
  if (src.length !== 1) src.fail(1, 'expected one label');
  if (value.includes('\0')) src.fail(0, 'unexpected NUL inside the label');
  const open = value.lastIndexOf(' (');
  if (open > 0 && value.endsWith(')')) return [{ label: value.slice(0, open), mode: value.slice(open + 2, -1) }];
  return [{ label: value }];
}

export const attr = defineHandler<AttrRecord>({
  name: 'pid/attr',
  summary: 'security label of the process (AppArmor label and mode, SELinux context)',
  pattern: '<pid>/attr/*',
  parse: parseAttr,
});
