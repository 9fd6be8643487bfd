/**
 * /proc/<pid>/ns/<name> — namespace links.
 * Kernel: fs/nsfs.c, ns_get_name() "%s:[%u]".
 * Sample: "net:[4026531833]"
 *
 * The record is the namespace type and inode from the link target, plus the
 * link's own name (`pid_for_children` points at a `pid:[…]` namespace).
 */
import { defineHandler } from '../../handler';
import { baseName, integerOf, Lines } from '../helpers';

export interface NsRecord {
  /** The link's file name (`net`, `pid_for_children`); absent for text without a path. */
  name?: string;
  type: string;
  inode: number;
}

export function parseNs(text: string, file = 'pid/ns'): NsRecord[] {
  if (text === '') return [];
  const src = new Lines(file, text);
  if (src.length !== 1) src.fail(1, 'expected one link target');
  const value = src.lines[0];
  const open = value.indexOf(':[');
  if (open <= 0 || !value.endsWith(']')) src.fail(0, 'expected "type:[inode]"');
  const inode = value.slice(open + 2, -1);
  const record: NsRecord = {
    type: value.slice(0, open),
    inode: integerOf(inode) ?? src.fail(0, `inode is not an integer (${JSON.stringify(inode)})`),
  };
  // Only a path inside an ns/ folder names the link.
  if (file.endsWith(`/ns/${baseName(file)}`) || file.startsWith(`ns/`)) record.name = baseName(file);
  return [record];
}

export const ns = defineHandler<NsRecord>({
  name: 'pid/ns',
  summary: 'namespace of the process: type and inode',
  pattern: '<pid>/ns/*',
  source: 'link',
  parse: parseNs,
});
