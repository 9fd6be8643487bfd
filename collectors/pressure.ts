/**
 * pressure: pressure stall information from /proc/pressure/{cpu,io,memory,irq},
 * as node_exporter's pressure collector: the `total` of the "some" lines
 * (cpu, io, memory: waiting) and of the "full" lines (io, memory, irq:
 * stalled), microseconds / 1e6 → seconds. cpu's "full" line (5.13+) is not
 * exported, as there. pressure/irq (6.1+, CONFIG_IRQ_TIME_ACCOUNTING) is
 * optional. node_exporter skips any missing resource and fails (no data) when
 * none is there; here pressure/cpu is required (cpu, io and memory come and go
 * together with CONFIG_PSI), so a kernel without PSI fails the run the same way.
 * node_exporter: collector/pressure_linux.go.
 */
import type { PressureRecord } from '../src/parsers/formats/pressure';
import { defineCollector, mapping } from '../src/collector';

const US = 1e-6;

const psi = (resource: string, kind: 'some' | 'full', name: string, help: string) =>
  mapping<PressureRecord>({
    from: `pressure/${resource}`,
    where: (r) => r.kind === kind,
    name,
    help,
    type: 'counter',
    value: 'total',
    scale: US,
  });

export const pressure = defineCollector({
  name: 'pressure',
  description: 'Pressure stall information (/proc/pressure/*).',
  defaultEnabled: true,
  reads: { 'pressure/cpu': 'required', 'pressure/io': 'optional', 'pressure/memory': 'optional', 'pressure/irq': 'optional' },
  metrics: [
    psi('cpu', 'some', 'node_pressure_cpu_waiting_seconds_total', 'Total time in seconds that processes have waited for CPU time'),
    psi('io', 'some', 'node_pressure_io_waiting_seconds_total', 'Total time in seconds that processes have waited due to IO congestion'),
    psi(
      'io',
      'full',
      'node_pressure_io_stalled_seconds_total',
      'Total time in seconds no process could make progress due to IO congestion',
    ),
    psi('memory', 'some', 'node_pressure_memory_waiting_seconds_total', 'Total time in seconds that processes have waited for memory'),
    psi(
      'memory',
      'full',
      'node_pressure_memory_stalled_seconds_total',
      'Total time in seconds no process could make progress due to memory congestion',
    ),
    psi(
      'irq',
      'full',
      'node_pressure_irq_stalled_seconds_total',
      'Total time in seconds no process could make progress due to IRQ congestion',
    ),
  ],
});
