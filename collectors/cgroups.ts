/**
 * cgroups: cgroup v1 controllers from /proc/cgroups, as node_exporter's
 * cgroups collector (off by default): node_cgroups_cgroups{subsys_name} and
 * node_cgroups_enabled{subsys_name}, gauges; both carry node_exporter's help
 * text "Current cgroup number of the subsystem." (the same text for both there).
 * node_exporter: collector/cgroups_linux.go (procfs cgroups.go).
 */
import type { CgroupsRecord } from '../src/parsers/cgroups';
import { defineCollector, mapping } from '../src/collector';

const HELP = 'Current cgroup number of the subsystem.';

export const cgroups = defineCollector({
  name: 'cgroups',
  description: 'cgroup v1 controllers: number of cgroups, enabled (/proc/cgroups).',
  defaultEnabled: false,
  reads: { cgroups: 'required' },
  metrics: [
    mapping<CgroupsRecord>({
      from: 'cgroups',
      name: 'node_cgroups_cgroups',
      help: HELP,
      type: 'gauge',
      labels: { subsys_name: 'subsys_name' },
      value: 'num_cgroups',
    }),
    mapping<CgroupsRecord>({
      from: 'cgroups',
      name: 'node_cgroups_enabled',
      help: HELP,
      type: 'gauge',
      labels: { subsys_name: 'subsys_name' },
      value: 'enabled',
    }),
  ],
});
