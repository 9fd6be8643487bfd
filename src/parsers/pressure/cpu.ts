/**
 * /proc/pressure/cpu — CPU pressure stall information; the "full" line since 5.13.
 * Kernel: kernel/sched/psi.c, psi_cpu_show() → psi_show(). Format: formats/pressure.ts.
 * Sample: "some avg10=0.00 avg60=0.18 avg300=0.25 total=1591467"
 */
import { pressureHandler } from '../formats/pressure';

export const pressureCpu = pressureHandler('pressure/cpu', 'CPU pressure stall information (some, full)');
