/**
 * entropy: the kernel's entropy pool from /proc/sys/kernel/random/entropy_avail
 * and poolsize, as node_exporter's entropy collector (both files required, as
 * procfs KernelRandom()'s nil checks make them there).
 * node_exporter: collector/entropy_linux.go.
 */
import type { SysctlValueRecord as RandomValueRecord } from '../src/parsers/formats/sysctl-integer';
import { defineCollector, mapping } from '../src/collector';

export const entropy = defineCollector({
  name: 'entropy',
  description: 'Available entropy and pool size (/proc/sys/kernel/random).',
  defaultEnabled: true,
  reads: { 'sys/kernel/random/entropy_avail': 'required', 'sys/kernel/random/poolsize': 'required' },
  metrics: [
    mapping<RandomValueRecord>({
      from: 'sys/kernel/random/entropy_avail',
      name: 'node_entropy_available_bits',
      help: 'Bits of available entropy.',
      type: 'gauge',
      value: 'value',
    }),
    mapping<RandomValueRecord>({
      from: 'sys/kernel/random/poolsize',
      name: 'node_entropy_pool_size_bits',
      help: 'Bits of entropy pool.',
      type: 'gauge',
      value: 'value',
    }),
  ],
});
