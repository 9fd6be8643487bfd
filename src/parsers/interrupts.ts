/**
 * /proc/interrupts — interrupt counts per IRQ and CPU.
 * Kernel: kernel/irq/proc.c, show_interrupts() (numbered IRQs) and the
 * architecture's arch_show_interrupts() (x86: arch/x86/kernel/irq.c; NMI, LOC, …, ERR, MIS).
 * Sample: " 24:          1          0  IO-APIC   5-edge      ACPI:Ged" under "           CPU0       CPU1"
 *
 * Columns are keyed by the header's CPU names (offline CPUs are absent).
 * The text after the counts is split as node_exporter splits it: for a
 * numbered IRQ `info` is its first word (the irq chip) and `devices` the rest
 * (hwirq/trigger and the device names, joined by single spaces; absent when
 * nothing follows the chip); for a named row (NMI, LOC, …) `info` is the whole
 * description. ERR and MIS print a single total and no text: they keep that
 * count under the first CPU's name and have no `info`. Any other row has a
 * count for every CPU of the header: a non-numeric or missing count is a
 * ParseError, never a count moved to another CPU or into `info`.
 */
import { defineHandler } from '../handler';
import { isDecimal, Lines, perCpuMatrix, requireContent, type PerCpuRow } from './helpers';

export interface InterruptsRecord extends PerCpuRow {
  /** Numbered IRQs only: what follows the chip name. */
  devices?: string;
}

export function parseInterrupts(text: string, file = 'interrupts'): InterruptsRecord[] {
  const src = new Lines(file, text);
  requireContent(src, 'the header line of CPU names');
  const rows: InterruptsRecord[] = perCpuMatrix(src, { allowSingleTotal: true, allowInfo: true });
  for (const row of rows) {
    if (row.info === undefined || !isDecimal(row.name)) continue;
    const space = row.info.indexOf(' ');
    if (space > 0) {
      row.devices = row.info.slice(space + 1);
      row.info = row.info.slice(0, space);
    }
  }
  return rows;
}

export const interrupts = defineHandler<InterruptsRecord>({
  name: 'interrupts',
  summary: 'interrupt counts per IRQ and CPU, with chip and device names',
  parse: parseInterrupts,
});
