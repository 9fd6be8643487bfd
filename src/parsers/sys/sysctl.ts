/**
 * Not a parser: what collectors/sysctl.ts imports from this path. The format
 * is formats/sysctl-values.ts; delete this file once the collector imports from there.
 */
export { sysctlInts, sysctlPath, sysctlStrings } from '../formats/sysctl-values';
