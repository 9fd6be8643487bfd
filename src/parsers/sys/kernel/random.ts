/**
 * /proc/sys/kernel/random/entropy_avail and /proc/sys/kernel/random/poolsize — one number each.
 * Kernel: drivers/char/random.c, the random_table sysctls (proc_do_entropy / proc_dointvec).
 * Sample: "256"
 *
 * entropy_avail: bits of entropy in the input pool; poolsize: the pool's size
 * in bits (4096 before 5.18, 256 since). One record `{ value }`, in bits.
 */
import { defineHandler, type Handler } from '../../../handler';
import { fields, Lines } from '../../helpers';

export interface RandomValueRecord {
  /** Bits. */
  value: number;
}

export function parseRandomValue(text: string, file = 'sys/kernel/random'): RandomValueRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (src.length > 1) src.fail(1, 'expected one line');
  const f = fields(src.lines[0]);
  if (f.length !== 1) src.fail(0, `expected one number, found ${f.length} fields`);
  return [{ value: src.int(f[0], 0, 'value') }];
}

function randomHandler(leaf: string, summary: string): Handler<RandomValueRecord> {
  const name = `sys/kernel/random/${leaf}`;
  return defineHandler<RandomValueRecord>({ name, summary, parse: (text, file) => parseRandomValue(text, file ?? name) });
}

export const entropyAvail = randomHandler('entropy_avail', 'bits of entropy available in the input pool');
export const poolsize = randomHandler('poolsize', 'size of the entropy pool in bits');
