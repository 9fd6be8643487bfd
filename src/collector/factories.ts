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

/** A variable of a group name template: `{{.Comm}}`, `{{.Matches.capture}}` (group 1 the variable, 2 the field). */
export const GROUP_NAME_TEMPLATE = /\{\{\s*\.([A-Za-z]+)(?:\.([A-Za-z_][A-Za-z0-9_]*))?\s*\}\}/g;
export const GROUP_TEMPLATE_VARIABLES: readonly string[] = ['Comm', 'ExeBase', 'ExeFull', 'PID', 'Matches'];

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

/** One `process_groups:` group, validated. */
export interface ProcessGroupSpec {
  /** Group name template: `{{.Comm}}`, `{{.ExeBase}}`, `{{.ExeFull}}`, `{{.PID}}`, `{{.Matches.<capture>}}`. */
  name: string;
  comm?: readonly string[];
  exe?: readonly string[];
  /** Regular expressions (sources), all of which must match the command line. */
  cmdline?: readonly string[];
}

/** What the entry point injects into the configuration: the built-in collectors and the factories. */
export interface CollectorCatalog {
  collectors: CollectorTable;
  mapping: (spec: MappingSpec) => CollectorDefinition;
  processGroups: (groups: readonly ProcessGroupSpec[]) => CollectorDefinition;
}
