/**
 * /sys/devices/system/clocksource/clocksource<N>/{available_clocksource,current_clocksource} — the
 * kernel's clock sources: those it can use, and the one it uses.
 * Kernel: kernel/time/clocksource.c, available_clocksource_show() (each name followed by a space,
 * then "\n") and current_clocksource_show() ("%s\n").
 * Sample: "tsc kvm-clock \n" (available), "tsc\n" (current)
 *
 * One record `{ clocksource }` per name, in the kernel's order.
 */
import { defineHandler } from '../../../../handler';
import { fields, Lines } from '../../../helpers';

export interface ClocksourceRecord {
  clocksource: string;
}

const NAME = /^[\x21-\x7e]+$/;

function names(src: Lines): ClocksourceRecord[] {
  if (src.length === 0) return [];
  if (src.length > 1) src.fail(1, 'expected one line');
  const f = fields(src.lines[0]);
  for (const name of f) if (!NAME.test(name)) src.fail(0, `clock source names are printable ASCII (${JSON.stringify(name)})`);
  return f.map((clocksource) => ({ clocksource }));
}

export function parseAvailableClocksource(text: string, file = 'available_clocksource'): ClocksourceRecord[] {
  const src = new Lines(file, text);
  const records = names(src);
  if (src.length === 1 && records.length === 0) src.fail(0, 'expected at least one clock source');
  return records;
}

export function parseCurrentClocksource(text: string, file = 'current_clocksource'): ClocksourceRecord[] {
  const src = new Lines(file, text);
  const records = names(src);
  if (src.length === 1 && records.length !== 1) src.fail(0, `expected one clock source, found ${records.length}`);
  return records;
}

export const availableClocksource = defineHandler<ClocksourceRecord>({
  name: 'devices/system/clocksource/available_clocksource',
  summary: 'clock sources the kernel can use',
  pattern: 'devices/system/clocksource/*/available_clocksource',
  root: 'sysfs',
  parse: parseAvailableClocksource,
});

export const currentClocksource = defineHandler<ClocksourceRecord>({
  name: 'devices/system/clocksource/current_clocksource',
  summary: 'the clock source the kernel uses',
  pattern: 'devices/system/clocksource/*/current_clocksource',
  root: 'sysfs',
  parse: parseCurrentClocksource,
});
