/**
 * /proc/modules — loaded kernel modules.
 * Kernel: kernel/module/procfs.c (kernel/module.c on 3.2), m_show() and print_unload_info():
 *   "%s %u" name, size; " %i " refcount and "dep,dep," (or "-"); " %s" state; " 0x%px" address;
 *   " (%s)" taint flags when any. Without CONFIG_MODULE_UNLOAD the kernel prints " - -".
 * Sample: "vboxdrv 287130 3 vboxpci,vboxnetadp,vboxnetflt, Live 0xffffffffa0491000 (O)"
 *
 * The 6.x fixture is synthetic (this machine's kernel has no module support); it follows m_show().
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface ModulesRecord {
  name: string;
  /** Bytes of memory the module occupies. */
  size: number;
  /** Reference count; absent when the kernel prints `-` (it cannot tell: no module unloading). */
  refcount?: number;
  /** Modules that use this one; `-` (none) is an empty list. */
  dependencies: string[];
  /** Bracketed notes in the dependency list, without brackets: `permanent`, `unsafe`. */
  notes?: string[];
  /** Live, Loading or Unloading. */
  state: string;
  /** Load address as written (`0x0000000000000000` when kptr_restrict hides it). */
  address: string;
  /** Taint flags without the parentheses (`O`, `OE`, `P`); absent when none. */
  taint?: string;
}

export function parseModules(text: string, file = 'modules'): ModulesRecord[] {
  const src = new Lines(file, text);
  const records: ModulesRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length < 6 || f.length > 7) src.fail(i, `expected 6 or 7 fields, found ${f.length}`);
    const record: ModulesRecord = {
      name: f[0],
      size: src.int(f[1], i, 'size'),
      ...(f[2] === '-' ? {} : { refcount: src.int(f[2], i, 'refcount') }),
      dependencies: [],
      state: f[4],
      address: f[5],
    };
    if (f[3] !== '-') {
      if (!f[3].endsWith(',')) src.fail(i, 'expected the dependency list to end with ","');
      const notes: string[] = [];
      for (const dep of f[3].slice(0, -1).split(',')) {
        if (dep === '') src.fail(i, 'empty name in the dependency list');
        if (dep.startsWith('[') && dep.endsWith(']')) notes.push(dep.slice(1, -1));
        else record.dependencies.push(dep);
      }
      if (notes.length > 0) record.notes = notes;
    }
    if (!/^0x[0-9a-fA-F]+$/.test(f[5])) src.fail(i, `address is not hexadecimal (${JSON.stringify(f[5])})`);
    if (f.length === 7) {
      const t = f[6];
      if (t.length < 3 || t[0] !== '(' || t[t.length - 1] !== ')') src.fail(i, `expected "(FLAGS)" after the address`);
      record.taint = t.slice(1, -1);
    }
    records.push(record);
  }
  return records;
}

export const modules = defineHandler<ModulesRecord>({
  name: 'modules',
  summary: 'loaded kernel modules: size, users, state, address, taint',
  parse: parseModules,
});
