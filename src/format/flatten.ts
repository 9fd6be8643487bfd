/**
 * Flattening nested records into dotted column names (`cpus.CPU0`,
 * `counters.InSegs`, `children.0.key`), for CSV and for the exporter's
 * config-driven mappings.
 */

export type Scalar = string | number | boolean | null;

export function flatten(value: unknown, prefix = '', out: Record<string, Scalar> = {}): Record<string, Scalar> {
  if (value === null || value === undefined) {
    if (prefix !== '') out[prefix] = null;
    return out;
  }
  if (typeof value !== 'object') {
    out[prefix] = value as Scalar;
    return out;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0 && prefix !== '') {
    out[prefix] = Array.isArray(value) ? '[]' : '{}';
    return out;
  }
  for (const [key, child] of entries) flatten(child, prefix === '' ? key : `${prefix}.${key}`, out);
  return out;
}
