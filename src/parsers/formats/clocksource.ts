/**
 * Format: clock source names on one line — /sys/devices/system/clocksource/clocksource<N>/
 * available_clocksource (every name, each followed by a space) and current_clocksource (one name).
 * Kernel: kernel/time/clocksource.c, available_clocksource_show(), current_clocksource_show().
 * Sample: "tsc kvm-clock \n", "tsc\n"
 *
 * One record `{ clocksource }` per name, in the kernel's order; names are printable ASCII.
 */
import { defineHandler, type Handler } from '../../handler';
import { fields, Lines } from '../helpers';

export interface ClocksourceRecord {
  clocksource: string;
}

const NAME = /^[\x21-\x7e]+$/;

/** The names of the file's one line; `count` one: exactly one name, `some`: at least one. */
export function parseClocksourceNames(text: string, file: string, count: 'one' | 'some'): ClocksourceRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (src.length > 1) src.fail(1, 'expected one line');
  const names = fields(src.lines[0]);
  for (const name of names) if (!NAME.test(name)) src.fail(0, `clock source names are printable ASCII (${JSON.stringify(name)})`);
  if (count === 'some' && names.length === 0) src.fail(0, 'expected at least one clock source');
  if (count === 'one' && names.length !== 1) src.fail(0, `expected one clock source, found ${names.length}`);
  return names.map((clocksource) => ({ clocksource }));
}

/** The handler of `<leaf>` of each clocksource<N> directory, named `sysfs/devices/system/clocksource/<leaf>`. */
export function clocksourceHandler(leaf: string, count: 'one' | 'some', summary: string): Handler<ClocksourceRecord> {
  const name = `sysfs/devices/system/clocksource/${leaf}`;
  return defineHandler<ClocksourceRecord>({
    name,
    summary,
    pattern: `devices/system/clocksource/*/${leaf}`,
    root: 'sysfs',
    parse: (text, file) => parseClocksourceNames(text, file ?? name, count),
  });
}
