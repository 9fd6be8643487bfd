/**
 * /proc/mtrr — x86 memory type range registers.
 * Kernel: arch/x86/kernel/cpu/mtrr/if.c, mtrr_seq_show()
 * ("reg%02i: base=0x%06lx000 (%5luMB), size=%5lu%cB, count=%d: %s\n").
 * Sample: "reg03: base=0x0cf800000 ( 3320MB), size=    8MB, count=1: write-back"
 *
 * `base` is the address as written (hex text); `base_MB` the kernel's MB
 * figure; `size` with `size_unit` "KB" or "MB" as printed (no conversion).
 * Empty on machines without MTRRs (virtual machines often), which gives [].
 */
import { defineHandler } from '../handler';
import { Lines } from './helpers';

export interface MtrrRecord {
  reg: number;
  base: string;
  base_MB: number;
  size: number;
  size_unit: string;
  count: number;
  type: string;
}

function between(line: string, from: number, open: string, close: string): { value: string; end: number } | undefined {
  const a = line.indexOf(open, from);
  if (a < 0) return undefined;
  const b = line.indexOf(close, a + open.length);
  if (b < 0) return undefined;
  return { value: line.slice(a + open.length, b).trim(), end: b + close.length };
}

export function parseMtrr(text: string, file = 'mtrr'): MtrrRecord[] {
  const src = new Lines(file, text);
  const records: MtrrRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const fail = (): never => src.fail(i, 'expected "regNN: base=0x… (NMB), size=NMB, count=N: TYPE"');
    if (!line.startsWith('reg')) fail();
    const reg = between(line, 0, 'reg', ':') ?? fail();
    const base = between(line, reg.end, 'base=', ' (') ?? fail();
    const baseMb = between(line, base.end - 2, '(', 'MB)') ?? fail();
    const size = between(line, baseMb.end, 'size=', 'B,') ?? fail();
    const count = between(line, size.end, 'count=', ':') ?? fail();
    const type = line.slice(count.end).trim();
    const unit = size.value.slice(-1);
    if (unit !== 'K' && unit !== 'M' && unit !== 'G') fail();
    if (!base.value.startsWith('0x')) src.fail(i, `base is not a 0x address (${JSON.stringify(base.value)})`);
    src.hex(base.value, i, 'base');
    records.push({
      reg: src.digits(reg.value, i, 'reg'),
      base: base.value,
      base_MB: src.int(baseMb.value, i, 'base MB'),
      size: src.int(size.value.slice(0, -1).trim(), i, 'size'),
      size_unit: `${unit}B`,
      count: src.int(count.value, i, 'count'),
      type: src.str(type, i, 'type'),
    });
  }
  return records;
}

export const mtrr = defineHandler<MtrrRecord>({
  name: 'mtrr',
  summary: 'x86 memory type range registers: base, size, memory type',
  parse: parseMtrr,
});
