/**
 * pino logger on standard error: JSON lines (default) or logfmt
 * (`--log.format logfmt`: `ts=… level=info msg="…" key=value`, as node_exporter prints).
 */
import pino, { type Logger } from 'pino';

function logfmtValue(value: unknown): string {
  const text = typeof value === 'string' ? value : value instanceof Object ? JSON.stringify(value) : String(value);
  return /^[^\s"=\\]+$/.test(text) ? text : JSON.stringify(text);
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
  if (msg !== undefined) parts.push(`msg=${logfmtValue(msg)}`);
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined) continue;
    if (k === 'err' && v !== null && typeof v === 'object' && 'message' in v) parts.push(`err=${logfmtValue((v as { message: string }).message)}`);
    else parts.push(`${k}=${logfmtValue(v)}`);
  }
  return `${parts.join(' ')}\n`;
}

export function createLogger(level: string, format: 'json' | 'logfmt', write: (s: string) => void = (s) => process.stderr.write(s)): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    formatters: { level: (label) => ({ level: label }) },
    timestamp: format === 'json' ? pino.stdTimeFunctions.isoTime : pino.stdTimeFunctions.epochTime,
  };
  const stream = { write: format === 'json' ? write : (line: string) => write(toLogfmt(line)) };
  return pino(options, stream);
}
