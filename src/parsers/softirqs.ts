/**
 * /proc/softirqs — softirq counts per type and CPU.
 * Kernel: fs/proc/softirqs.c, show_softirqs().
 * Sample: "          HI:          0          0" after a header "                    CPU0       CPU1"
 *
 * Columns are keyed by the header's CPU names (offline CPUs are absent).
 */
import { defineHandler } from '../handler';
import { Lines, perCpuMatrix, type PerCpuRow } from './helpers';

export type SoftirqsRecord = PerCpuRow;

export function parseSoftirqs(text: string, file = 'softirqs'): SoftirqsRecord[] {
  return perCpuMatrix(new Lines(file, text));
}

export const softirqs = defineHandler<SoftirqsRecord>({
  name: 'softirqs',
  summary: 'softirq counts per type and CPU',
  parse: parseSoftirqs,
});
