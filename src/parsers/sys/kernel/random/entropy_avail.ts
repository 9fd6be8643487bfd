/**
 * /proc/sys/kernel/random/entropy_avail — bits of entropy in the input pool.
 * Kernel: drivers/char/random.c, random_table ("entropy_avail": proc_do_entropy).
 * Sample: "256"
 */
import { sysctlIntegerHandler } from '../../../formats/sysctl-integer';

export const entropyAvail = sysctlIntegerHandler('sys/kernel/random/entropy_avail', 'bits of entropy available in the input pool');
