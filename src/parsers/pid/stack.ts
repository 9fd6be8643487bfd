/**
 * /proc/<pid>/stack — the task's kernel stack.
 * Kernel: fs/proc/base.c, proc_pid_stack() "[<%pK>] %pB\n".
 * Sample: "[<0>] hrtimer_nanosleep+0xb5/0x130"
 *
 * One record per frame: the address as written (`0` when kptr_restrict hides
 * it, as on 6.x), the function, its offset and size (hex text) and the module
 * when `[mod]` follows. A frame without a symbol (3.2's final
 * `0xffffffffffffffff`) has only `function`.
 */
import { defineHandler } from '../../handler';
import { Lines } from '../helpers';

export interface StackRecord {
  address: string;
  function: string;
  offset?: string;
  size?: string;
  module?: string;
}

export function parseStack(text: string, file = 'pid/stack'): StackRecord[] {
  const src = new Lines(file, text);
  const records: StackRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line === '') continue;
    const close = line.indexOf('>] ');
    if (!line.startsWith('[<') || close < 0) src.fail(i, 'expected "[<address>] function+offset/size"');
    const address = line.slice(2, close);
    let symbol = line.slice(close + 3).trim();
    let module: string | undefined;
    const space = symbol.indexOf(' ');
    if (space > 0) {
      const mod = symbol.slice(space + 1).trim();
      if (!mod.startsWith('[') || !mod.endsWith(']')) src.fail(i, `unexpected text after the symbol (${JSON.stringify(mod)})`);
      module = mod.slice(1, -1);
      symbol = symbol.slice(0, space);
    }
    if (symbol === '') src.fail(i, 'missing function');
    const record: StackRecord = { address, function: symbol };
    const plus = symbol.lastIndexOf('+');
    if (plus > 0) {
      const slash = symbol.indexOf('/', plus);
      if (slash < 0) src.fail(i, 'expected "function+offset/size"');
      record.function = symbol.slice(0, plus);
      record.offset = symbol.slice(plus + 1, slash);
      record.size = symbol.slice(slash + 1);
    }
    if (module !== undefined) record.module = module;
    records.push(record);
  }
  return records;
}

export const stack = defineHandler<StackRecord>({
  name: 'pid/stack',
  summary: 'kernel stack of the task, one frame per record',
  parse: parseStack,
});
