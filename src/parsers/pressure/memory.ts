/**
 * /proc/pressure/memory — memory pressure stall information.
 * Kernel: kernel/sched/psi.c, psi_memory_show() → psi_show(). Format: formats/pressure.ts.
 * Sample: "some avg10=0.00 avg60=0.00 avg300=0.00 total=0"
 */
import { pressureHandler } from '../formats/pressure';

export const pressureMemory = pressureHandler('pressure/memory', 'memory pressure stall information (some, full)');
