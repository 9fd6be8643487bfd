/**
 * vmstat: /proc/vmstat counters as node_exporter's untyped
 * node_vmstat_<field>, only the fields matching the `fields` regexp
 * (--collector.vmstat.fields, default `^(oom_kill|pgpg|pswp|pg.*fault).*`).
 * node_exporter: collector/vmstat_linux.go.
 */
import type { VmstatRecord } from '../src/parsers/vmstat';
import { defineCollector, mapping, type MappingContext } from '../src/collector';

export const vmstat = defineCollector({
  name: 'vmstat',
  description: 'Virtual memory statistics (/proc/vmstat).',
  defaultEnabled: true,
  reads: { vmstat: 'required' },
  options: {
    fields: {
      type: 'regex',
      default: '^(oom_kill|pgpg|pswp|pg.*fault).*',
      description: 'Regexp of fields to return for vmstat collector.',
    },
  },
  metrics: [
    mapping<VmstatRecord>({
      from: 'vmstat',
      name: ({ record }) => `node_vmstat_${record.name}`,
      namePattern: 'node_vmstat_<field>',
      help: ({ record }) => `/proc/vmstat information field ${record.name}.`,
      type: 'untyped',
      value: 'value',
      filters: [{ subject: (ctx: MappingContext<VmstatRecord>) => ctx.record.name, include: 'fields' }],
    }),
  ],
});
