/**
 * /proc/softirqs — softirq counts per type and CPU.
 * Kernel: fs/proc/softirqs.c, show_softirqs().
 * Sample: "          HI:          0          0" after a header "                    CPU0       CPU1"
 *
 * Columns are keyed by the header's CPU names (offline CPUs are absent).
 */
import { defineHandler } from '../handler';
import { Lines, perCpuMatrix, requireContent, type PerCpuRow } from './helpers';

export type SoftirqsRecord = PerCpuRow;

export function parseSoftirqs(text: string, file = 'softirqs'): SoftirqsRecord[] {
  const src = new Lines(file, text);
  requireContent(src, 'the header line of CPU names');
  return perCpuMatrix(src);
}

export const softirqs = defineHandler<SoftirqsRecord>({
  name: 'softirqs',
  summary: 'softirq counts per type and CPU',
  parse: parseSoftirqs,
});
