/**
 * /sys/devices/system/clocksource/clocksource<N>/available_clocksource — the clock sources the kernel can use.
 * Kernel: kernel/time/clocksource.c, available_clocksource_show() (each name followed by a space, then "\n").
 * Format: formats/clocksource.ts.
 * Sample: "tsc kvm-clock "
 */
import { clocksourceHandler } from '../../../../formats/clocksource';

export const availableClocksource = clocksourceHandler('available_clocksource', 'some', 'clock sources the kernel can use');
