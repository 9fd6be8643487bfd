/**
 * /proc/sys/kernel/random/entropy_avail and /proc/sys/kernel/random/poolsize — one number each.
 * Kernel: drivers/char/random.c, the random_table sysctls (proc_do_entropy / proc_dointvec).
 * Sample: "256"
 *
 * entropy_avail: bits of entropy in the input pool; poolsize: the pool's size
 * in bits (4096 before 5.18, 256 since). One record `{ value }`, in bits.
 */
import { defineHandler, type Handler } from '../../../handler';
import { Lines, singleInteger } from '../../helpers';

export interface RandomValueRecord {
  /** Bits. */
  value: number;
}

export function parseRandomValue(text: string, file = 'sys/kernel/random'): RandomValueRecord[] {
  return singleInteger(new Lines(file, text));
}

function randomHandler(leaf: string, summary: string): Handler<RandomValueRecord> {
  const name = `sys/kernel/random/${leaf}`;
  return defineHandler<RandomValueRecord>({ name, summary, parse: (text, file) => parseRandomValue(text, file ?? name) });
}

export const entropyAvail = randomHandler('entropy_avail', 'bits of entropy available in the input pool');
export const poolsize = randomHandler('poolsize', 'size of the entropy pool in bits');
