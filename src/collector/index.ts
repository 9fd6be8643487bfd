/**
 * The collector SDK: everything a collector (collectors/*.ts) imports, besides
 * the parsers' record types. A collector never imports the scheduler, the
 * server or the configuration; the exporter is handed the collector table
 * (collectors/index.ts) by its entry point. docs/collectors.md walks through it.
 */
export type {
  CollectorContext,
  CollectorDefinition,
  CollectorEnv,
  CollectorInput,
  CollectorState,
  CollectorTable,
  FilterSpec,
  Filesystems,
  GatherContext,
  Getter,
  MappingContext,
  MetricMapping,
  Need,
  OptionSpec,
  OptionType,
  OptionValues,
  ReadRecords,
} from './definition';
export { defineCollector, mapping } from './definition';
export {
  DEFAULT_PROCESS_GROUPS_SETTINGS,
  PID_FIELD,
  type CollectorCatalog,
  type FieldFilter,
  type GroupNames,
  type MappingSpec,
  type ProcessGroupSpec,
  type ProcessGroupsSettings,
  type ProcessGroupsSpec,
} from './factories';
// process-exporter's Go syntax: RE2 regexes, text/template group names, Go's fmt.
export {
  captureNames,
  GROUP_TEMPLATE_VARIABLES,
  goBase,
  goRegex,
  goRegexProblem,
  goStringList,
  goStringMap,
  goTimeFromCentiseconds,
  parseNameTemplate,
  templateVariables,
  type TemplatePart,
} from './go-syntax';
export { applyCollector, checkDefinition, collectorState, getPath } from './apply';
export { collect, DEFAULT_ROOTS, filesystems } from './collect';
export { cycleReader, MissingFileError, readHandlerFile, type CycleReads } from './read';
export { parseErrorLog, type ParseErrorLog } from './parse-errors';
// The exposition model, for collectors that build families themselves (textfile).
export {
  formatValue,
  isValidLabelName,
  isValidMetricName,
  type Labels,
  type MetricFamily,
  type MetricType,
  type Sample,
} from '../exporter/exposition';
export { decodeTextFormat, parseBound, parseTextFormat, type ParsedFamily } from '../exporter/textformat';
// Reading beyond one file per handler: links and directories (mountstats' /proc/self), process walks, *.prom files.
export { FileTooLargeError, isDenied, isGone, readDirectoryFiles, type DirectoryFile, type ProcFs } from '../procfs';
export { readProcess, walkProcesses, type ProcessRecord } from '../processes';
// A record's fields as dotted paths (messages naming the fields a record has).
export { flatten } from '../format/flatten';
// System calls Node's fs does not make: statfs off libuv's thread pool (filesystem), adjtimex and
// localtime_r through koffi (timex, time), uname's machine (uname).
export { adjtimex, localZone, NativeUnavailableError, unameMachine, type LocalZone, type TimexReading } from '../system/native';
export { statfsPool, StatfsPool, type StatfsCounts, type StatfsLimits, type StatfsOutcome } from '../system/statfs';
