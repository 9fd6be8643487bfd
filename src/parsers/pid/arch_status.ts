/**
 * /proc/<pid>/arch_status — architecture-specific status (x86).
 * Kernel: arch/x86/kernel/fpu/xstate.c, proc_pid_arch_status() → avx512_status()
 * "AVX512_elapsed_ms:\t%ld\n" (-1 when unknown).
 * Sample: "AVX512_elapsed_ms:\t5204"
 *
 * One record keyed by the kernel's names, values as numbers.
 */
import { defineHandler } from '../../handler';
import { keyValueNumbers, Lines } from '../helpers';

export type ArchStatusRecord = Record<string, number>;

export function parseArchStatus(text: string, file = 'pid/arch_status'): ArchStatusRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  const record: ArchStatusRecord = {};
  const pairs = keyValueNumbers(src);
  for (let i = 0; i < pairs.length; i++) {
    if (pairs[i].unit !== undefined || !Number.isInteger(pairs[i].value)) src.fail(i, `expected an integer ${pairs[i].name}`);
    record[pairs[i].name] = pairs[i].value;
  }
  return [record];
}

export const archStatus = defineHandler<ArchStatusRecord>({
  name: 'pid/arch_status',
  summary: 'architecture status (x86: AVX512_elapsed_ms)',
  parse: parseArchStatus,
});
