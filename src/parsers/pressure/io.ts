/**
 * /proc/pressure/io — I/O pressure stall information.
 * Kernel: kernel/sched/psi.c, psi_io_show() → psi_show(). Format: formats/pressure.ts.
 * Sample: "full avg10=0.00 avg60=0.00 avg300=0.00 total=225880"
 */
import { pressureHandler } from '../formats/pressure';

export const pressureIo = pressureHandler('pressure/io', 'I/O pressure stall information (some, full)');
