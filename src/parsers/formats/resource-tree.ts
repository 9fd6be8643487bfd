/**
 * Format: the resource tree of kernel/resource.c, shared by /proc/iomem and /proc/ioports.
 * Kernel: kernel/resource.c, r_show(): "%*s%0*llx-%0*llx : %s\n", two spaces of indent per depth.
 * Sample: "  01000000-02276f47 : Kernel code"
 *
 * The nesting is kept: each record is a top-level resource whose `children`
 * hold the resources indented under it, to any depth. Addresses are hex
 * strings as written (all zeros for a reader without CAP_SYS_ADMIN).
 */
import { defineHandler, type Handler } from '../../handler';
import { isHex, Lines } from '../helpers';

export interface ResourceRecord {
  start: string;
  end: string;
  name: string;
  children: ResourceRecord[];
}

export function parseResourceTree(text: string, file: string): ResourceRecord[] {
  const src = new Lines(file, text);
  const roots: ResourceRecord[] = [];
  const stack: ResourceRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent % 2 !== 0) src.fail(i, 'indentation is not a multiple of two spaces');
    const depth = indent / 2;
    if (depth > stack.length) src.fail(i, `nested ${depth} levels deep under a resource at depth ${stack.length - 1}`);
    const sep = line.indexOf(' : ', indent);
    if (sep < 0) src.fail(i, 'expected "START-END : NAME"');
    const range = line.slice(indent, sep);
    const dash = range.indexOf('-');
    if (dash <= 0) src.fail(i, 'expected an address range "START-END"');
    const start = range.slice(0, dash);
    const end = range.slice(dash + 1);
    if (!isHex(start) || !isHex(end) || start.startsWith('0x') || end.startsWith('0x')) src.fail(i, 'address range is not hexadecimal');
    const record: ResourceRecord = { start, end, name: line.slice(sep + 3), children: [] };
    stack.length = depth;
    if (depth === 0) roots.push(record);
    else stack[depth - 1].children.push(record);
    stack.push(record);
  }
  return roots;
}

/** The handler of a resource tree file; `name` is its path under /proc. */
export function resourceTreeHandler(name: string, summary: string): Handler<ResourceRecord> {
  return defineHandler<ResourceRecord>({ name, summary, parse: (text, file) => parseResourceTree(text, file ?? name) });
}
