/**
 * Collectors built from config.yaml (`mappings:`, `process_groups:`): the
 * configuration (src/config) validates and normalizes the entries into these
 * specs; the factories (collectors/mappings.ts, collectors/process-groups.ts)
 * turn a spec into an ordinary CollectorDefinition. The entry point hands the
 * factories to the configuration with the built-in collector table.
 */
import type { CollectorDefinition, CollectorTable } from './definition';

/** The field a per-process mapping's records gain: the process id. */
export const PID_FIELD = '$pid';

/** A `where` test of a mapping: the field equals a value, or its text matches `^(?:matches)$`. */
export interface FieldFilter {
  field: string;
  equals?: string | number | boolean;
  matches?: string;
}

/** One `mappings:` entry, validated; names resolved (the metric names, the sorted label → field map). */
export interface MappingSpec {
  /** `mappings[0] (snmp6_counters)`: what its messages start with. */
  label: string;
  name: string;
  handler: string;
  /** A `pid/*` handler: every process is read, records gain PID_FIELD. */
  perProcess: boolean;
  type: 'gauge' | 'counter' | 'untyped';
  help?: string;
  /** The value fields, in order. */
  values: readonly string[];
  /** With several values: one metric with this label naming the field (else one metric per field). */
  valueLabel?: string;
  /** Label name → field path, sorted by label name. */
  labels: Readonly<Record<string, string>>;
  scale: number;
  where: readonly FieldFilter[];
  /** One name per value field when each field is its own metric, else the one name. */
  metricNames: readonly string[];
  maxSeries: number;
}

/** One `process_groups:` group (or process-exporter's `process_names:` entry), validated. */
export interface ProcessGroupSpec {
  /**
   * Group name template (Go's text/template, as process-exporter): `{{.Comm}}`, `{{.ExeBase}}`,
   * `{{.ExeFull}}`, `{{.Username}}`, `{{.PID}}`, `{{.StartTime}}`, `{{.Cgroups}}`, `{{.Matches.<capture>}}`.
   */
  name: string;
  comm?: readonly string[];
  /** argv[0]'s basename, or argv[0] itself when the entry holds a `/`. */
  exe?: readonly string[];
  /** Regular expressions (Go's syntax, or JavaScript's), all of which must match the arguments joined by spaces. */
  cmdline?: readonly string[];
}

/** Whose metric names the groups export: ours (`procfs_group_*`) or process-exporter's (`namedprocess_namegroup_*`). */
export type GroupNames = 'procfs' | 'process-exporter';

/** Settings of the process groups, with process-exporter's defaults (src/config fills them in). */
export interface ProcessGroupsSettings {
  names: GroupNames;
  /** A process no group matches joins its parent's group (process-exporter's -children; default on). */
  children: boolean;
  /** Per-thread-name metrics (-threads; default on). */
  threads: boolean;
  /** Proportional memory from smaps_rollup (-gather-smaps; default on). */
  gatherSmaps: boolean;
  /** Processes no group matched are matched again on every walk (-recheck; default off). */
  recheck: boolean;
  /** A group whose members have all gone is dropped with its counters (process-exporter 0.8's -remove-empty-groups; default off). */
  removeEmptyGroups: boolean;
  /** More series than this in one run fails the run. */
  maxSeries: number;
}

export const DEFAULT_PROCESS_GROUPS_SETTINGS: Readonly<ProcessGroupsSettings> = {
  names: 'procfs',
  children: true,
  threads: true,
  gatherSmaps: true,
  recheck: false,
  removeEmptyGroups: false,
  maxSeries: 50_000,
};

/** The process groups collector's spec: its groups, first match wins, and its settings. */
export interface ProcessGroupsSpec extends ProcessGroupsSettings {
  groups: readonly ProcessGroupSpec[];
}

/** What the entry point injects into the configuration: the built-in collectors and the factories. */
export interface CollectorCatalog {
  collectors: CollectorTable;
  mapping: (spec: MappingSpec) => CollectorDefinition;
  processGroups: (spec: ProcessGroupsSpec) => CollectorDefinition;
}
