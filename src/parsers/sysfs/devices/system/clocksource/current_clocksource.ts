/**
 * /sys/devices/system/clocksource/clocksource<N>/current_clocksource — the clock source the kernel uses.
 * Kernel: kernel/time/clocksource.c, current_clocksource_show() ("%s\n").
 * Format: formats/clocksource.ts.
 * Sample: "tsc"
 */
import { clocksourceHandler } from '../../../../formats/clocksource';

export const currentClocksource = clocksourceHandler('current_clocksource', 'one', 'the clock source the kernel uses');
