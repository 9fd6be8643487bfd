/**
 * Format: pressure stall information (PSI), shared by /proc/pressure/cpu, io, memory and irq.
 * Kernel: kernel/sched/psi.c, psi_show()
 * ("%s avg10=%lu.%02lu avg60=%lu.%02lu avg300=%lu.%02lu total=%llu\n" for "some" and "full").
 * Sample: "some avg10=0.00 avg60=0.18 avg300=0.25 total=1591467"
 *
 * One record per line. avg10/avg60/avg300 are percentages of wall time
 * stalled over 10 s, 60 s and 300 s; total is the stall time in microseconds,
 * as printed (Documentation/accounting/psi.rst). The cpu file's "full" line
 * appeared in 5.13; pressure/irq (6.1+, CONFIG_IRQ_TIME_ACCOUNTING) has only
 * "full". This machine has no pressure/irq: fixtures/synthetic/proc/pressure/irq
 * is written by hand after psi_show().
 * A `key=value` a newer kernel adds is kept as a number under its own name.
 */
import { defineHandler, type Handler } from '../../handler';
import { fields, Lines, requireContent } from '../helpers';

export interface PressureRecord {
  /** "some" or "full". */
  kind: string;
  avg10: number;
  avg60: number;
  avg300: number;
  /** Microseconds. */
  total: number;
  [key: string]: string | number;
}

const REQUIRED = ['avg10', 'avg60', 'avg300', 'total'];

export function parsePressure(text: string, file = 'pressure'): PressureRecord[] {
  const src = new Lines(file, text);
  requireContent(src, 'a "some" or "full" line');
  const records: PressureRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f[0] !== 'some' && f[0] !== 'full') src.fail(i, 'expected "some" or "full" first');
    const record: Record<string, string | number> = { kind: f[0] };
    for (let c = 1; c < f.length; c++) {
      const eq = f[c].indexOf('=');
      if (eq <= 0) src.fail(i, `expected "name=value" (${JSON.stringify(f[c])})`);
      const key = f[c].slice(0, eq);
      if (key === 'kind' || key in record) src.fail(i, `"${key}" repeated`);
      record[key] = key === 'total' ? src.int(f[c].slice(eq + 1), i, key) : src.float(f[c].slice(eq + 1), i, key);
    }
    for (const key of REQUIRED) if (!(key in record)) src.fail(i, `missing ${key}`);
    records.push(record as PressureRecord);
  }
  return records;
}

/** The handler of a pressure file; `name` is its path under /proc. */
export function pressureHandler(name: string, summary: string): Handler<PressureRecord> {
  return defineHandler<PressureRecord>({ name, summary, parse: (text, file) => parsePressure(text, file ?? name) });
}
