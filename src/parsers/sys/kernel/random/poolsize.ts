/**
 * /proc/sys/kernel/random/poolsize — the entropy pool's size in bits (4096 before 5.18, 256 since).
 * Kernel: drivers/char/random.c, random_table ("poolsize": proc_dointvec over a constant).
 * Sample: "256"
 */
import { sysctlIntegerHandler } from '../../../formats/sysctl-integer';

export const poolsize = sysctlIntegerHandler('sys/kernel/random/poolsize', 'size of the entropy pool in bits');
