/**
 * kernel_hung: /proc/sys/kernel/hung_task_detect_count, as node_exporter's
 * kernel_hung collector (off by default; newer than Debian's node_exporter
 * 1.5.0): node_kernel_hung_task_detect_count, a counter of the tasks the hung
 * task detector has found since boot. The file exists on kernels with
 * CONFIG_DETECT_HUNG_TASK from late 2024 on; without it the run fails, as there.
 *
 * Name and help are node_exporter's, as they are: the counter has no `_total`
 * suffix and the help text ("Total number of interrupts serviced.") was copied
 * there from the interrupts collector. The name is given by a function because
 * checkDefinition asks string-named counters for `_total`, which would rename
 * node_exporter's series.
 * node_exporter: collector/kernel_hung_linux.go (procfs kernel_hung.go).
 */
import type { SysctlValueRecord } from '../src/parsers/formats/sysctl-integer';
import { defineCollector, mapping } from '../src/collector';

const FILE = 'sys/kernel/hung_task_detect_count';

export const kernelHung = defineCollector({
  name: 'kernel_hung',
  description: 'Hung tasks detected since boot (/proc/sys/kernel/hung_task_detect_count).',
  defaultEnabled: false,
  reads: { [FILE]: 'required' },
  metrics: [
    mapping<SysctlValueRecord>({
      from: FILE,
      name: () => 'node_kernel_hung_task_detect_count',
      namePattern: 'node_kernel_hung_task_detect_count',
      help: 'Total number of interrupts serviced.',
      type: 'counter',
      value: 'value',
    }),
  ],
});
