/**
 * pino logger on standard error: logfmt (default, as node_exporter prints:
 * `ts=… level=info msg="…" key=value`) or JSON lines (`--log.format json`).
 *
 * In logfmt every field is one scalar: a list is its items joined by commas
 * (`collectors=cpu@5s,diskstats@5s`), an object its fields under dotted keys
 * (`err.code=ENOENT`), never a JSON text inside a value.
 */
import pino, { type Logger } from 'pino';

function logfmtValue(text: string): string {
  return /^[^\s"=\\]+$/.test(text) ? text : JSON.stringify(text);
}

function isScalar(value: unknown): value is string | number | boolean | null | bigint {
  return value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value);
}

/** The `key=value` pairs of one field, flattened. */
function pairs(key: string, value: unknown, out: string[]): void {
  if (value === undefined) return;
  if (isScalar(value)) {
    out.push(`${key}=${logfmtValue(String(value))}`);
  } else if (Array.isArray(value) && value.every(isScalar)) {
    out.push(`${key}=${logfmtValue(value.map(String).join(','))}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => pairs(`${key}.${i}`, item, out));
  } else if (key === 'err' && typeof value === 'object' && 'message' in value) {
    // An Error pino serialized: its message is what a reader needs (the stack is for JSON).
    out.push(`err=${logfmtValue(String(value.message))}`);
  } else {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) pairs(`${key}.${k}`, v, out);
  }
}

/** One pino JSON line → one logfmt line. */
export function toLogfmt(line: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, msg, pid: _pid, hostname: _hostname, ...rest } = record;
  const parts = [`ts=${new Date(Number(time)).toISOString()}`, `level=${String(level)}`];
  if (msg !== undefined) parts.push(`msg=${logfmtValue(String(msg))}`);
  for (const [k, v] of Object.entries(rest)) pairs(k, v, parts);
  return `${parts.join(' ')}\n`;
}

export function createLogger(
  level: string,
  format: 'json' | 'logfmt',
  write: (s: string) => void = (s) => process.stderr.write(s),
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    formatters: { level: (label) => ({ level: label }) },
    timestamp: format === 'json' ? pino.stdTimeFunctions.isoTime : pino.stdTimeFunctions.epochTime,
  };
  const stream = { write: format === 'json' ? write : (line: string) => write(toLogfmt(line)) };
  return pino(options, stream);
}
