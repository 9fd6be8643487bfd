/**
 * interrupts: interrupt counts per IRQ and CPU from /proc/interrupts, as
 * node_exporter's interrupts collector (off by default there and here):
 * node_interrupts_total{cpu,type,info,devices}. As there:
 * - `cpu` is the column's position in the header (0, 1, …), not the CPU's
 *   number: with an offline CPU the columns after it are renumbered;
 * - rows without a count for every CPU and a description (ERR, MIS) are skipped;
 * - nameInclude / nameExclude match `<type>;<info>;<devices>`;
 * - includeZeros (default true) keeps counts of 0.
 * node_exporter: collector/interrupts_common.go, interrupts_linux.go.
 */
import type { InterruptsRecord } from '../src/parsers/interrupts';
import { defineCollector, mapping, type MappingContext } from '../src/collector';

type Row = InterruptsRecord & { positions: Record<string, number> };

export const interrupts = defineCollector({
  name: 'interrupts',
  description: 'Interrupt counts per IRQ and CPU (/proc/interrupts).',
  defaultEnabled: false,
  reads: { interrupts: 'required' },
  options: {
    nameInclude: { type: 'regex', default: '', description: 'Regexp of interrupts name to include (mutually exclusive to name-exclude).' },
    nameExclude: { type: 'regex', default: '', description: 'Regexp of interrupts name to exclude (mutually exclusive to name-include).' },
    includeZeros: { type: 'boolean', default: true, description: 'Include interrupts that have a zero value.' },
  },
  transform: (input) => {
    const rows = (input.interrupts ?? []) as InterruptsRecord[];
    const cpus = rows.reduce((most, r) => Math.max(most, Object.keys(r.cpus).length), 0);
    const full: Row[] = rows
      .filter((r) => r.info !== undefined && Object.keys(r.cpus).length === cpus)
      .map((r) => ({ ...r, positions: Object.fromEntries(Object.values(r.cpus).map((v, i) => [String(i), v])) }));
    return { ...input, interrupts: full };
  },
  metrics: [
    mapping<Row>({
      from: 'interrupts',
      each: 'positions',
      name: 'node_interrupts_total',
      help: 'Interrupt details.',
      type: 'counter',
      // Label names in client_golang's (sorted) order.
      labels: { cpu: '$key', devices: 'devices', info: 'info', type: 'name' },
      value: ({ entry, options }) => (entry === 0 && options.includeZeros === false ? undefined : (entry as number)),
      filters: [
        {
          subject: ({ record }: MappingContext<Row>) => `${record.name};${record.info ?? ''};${record.devices ?? ''}`,
          include: 'nameInclude',
          exclude: 'nameExclude',
        },
      ],
    }),
  ],
});
