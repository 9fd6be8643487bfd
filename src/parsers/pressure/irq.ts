/**
 * /proc/pressure/irq — IRQ pressure stall information, "full" only (6.1+, CONFIG_IRQ_TIME_ACCOUNTING).
 * Kernel: kernel/sched/psi.c, psi_irq_show() → psi_show(). Format: formats/pressure.ts.
 * Sample: "full avg10=0.12 avg60=0.05 avg300=0.01 total=3217685"
 */
import { pressureHandler } from '../formats/pressure';

export const pressureIrq = pressureHandler('pressure/irq', 'IRQ pressure stall information (full)');
