/**
 * Degrading per record in the exporter: a file a collector reads (read.ts) is
 * parsed with parseKeepingGoing (src/parse.ts), so a line its parser rejects costs
 * that record (a line, an md array, a zone…), not the collector. Every
 * rejected line is counted in proc_exporter_parse_errors_total{handler} (and
 * a file that fails whole counts one), and logged once per file and state
 * change: when a file starts having bad records (with the first one), and
 * when it parses cleanly again — not every cycle.
 */
import type { Logger } from 'pino';
import { ParseError } from '../errors';
import type { Handler } from '../handler';
import { parseKeepingGoing } from '../parse';
import type { MetricFamily } from '../exporter/exposition';

export class ParseErrorLog {
  /** Where state changes are logged; none until the exporter starts (tests, `--once`). */
  logger: Logger | undefined;
  private readonly totals = new Map<string, number>();
  /** Files whose last parse left records out, with how many. */
  private readonly degraded = new Map<string, number>();

  /** Parses a file for a collector, counting and logging what it had to leave out; throws as the handler does when the file fails whole. */
  parse(handler: Handler<object>, text: string, file: string): object[] {
    let kept: { records: object[]; skipped: ParseError[] };
    try {
      kept = parseKeepingGoing(handler, text, file);
    } catch (error) {
      // A file that fails whole fails its collector (logged as such by the scheduler): one parse error counted here.
      this.count(handler.name, error instanceof ParseError ? 1 : 0);
      throw error;
    }
    this.count(handler.name, kept.skipped.length);
    const before = this.degraded.get(file);
    if (kept.skipped.length > 0) {
      this.degraded.set(file, kept.skipped.length);
      if (before === undefined) {
        this.logger?.warn(
          { handler: handler.name, file, skipped: kept.skipped.length, err: kept.skipped[0].message },
          'records left out of a file its parser rejects in part; the rest is exported',
        );
      }
    } else if (before !== undefined) {
      this.degraded.delete(file);
      this.logger?.info({ handler: handler.name, file }, 'file parses cleanly again');
    }
    return kept.records;
  }

  private count(handler: string, errors: number): void {
    this.totals.set(handler, (this.totals.get(handler) ?? 0) + errors);
  }

  /** The counter, one series per handler read so far (0 until a record is left out). */
  families(): MetricFamily[] {
    if (this.totals.size === 0) return [];
    return [
      {
        name: 'proc_exporter_parse_errors_total',
        help: 'Lines of /proc files their parser rejected (each left out with its record, or failing its collector), by handler.',
        type: 'counter',
        samples: [...this.totals.entries()]
          .sort((a, b) => (a[0] < b[0] ? -1 : 1))
          .map(([handler, value]) => ({ labels: { handler }, value })),
      },
    ];
  }

  /** Forgets every count and state (tests). */
  reset(): void {
    this.totals.clear();
    this.degraded.clear();
  }
}

/** The exporter's one log of parse errors: counters live as long as the process, across reloads. */
export const parseErrorLog = new ParseErrorLog();
