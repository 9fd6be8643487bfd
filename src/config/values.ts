/** The values config.yaml and the flags hold beyond JSON types: durations, listen addresses, regular expressions. */

const DURATION = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds of a Prometheus-style duration (`15s`, `1m30s`, `500ms`); undefined if invalid or zero. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === '') return undefined;
  const [h, min, s, ms] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  const total = ((h * 60 + min) * 60 + s) * 1000 + ms;
  return total > 0 ? total : undefined;
}

/** The shortest interval between two runs of a collector: below it the exporter would mostly measure itself. */
export const MIN_INTERVAL_MS = 1000;

const ADDRESS = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]*)):(\d{1,5})$/;

export function parseListenAddress(text: string): { host?: string; port: number } | undefined {
  const m = ADDRESS.exec(text);
  if (!m) return undefined;
  const port = Number(m[3]);
  if (port > 65535) return undefined;
  const host = m[1] ?? m[2];
  return { host: host === '' ? undefined : host, port };
}

/** Why `source` is not a regular expression (`/^(Tcp/: Unterminated group`), or undefined when it is one. */
export function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}
