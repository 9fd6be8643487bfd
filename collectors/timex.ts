/**
 * timex: the kernel clock's discipline from adjtimex(2) in read-only mode (modes 0: nothing is
 * changed, no privilege needed), as node_exporter's timex collector: every node_timex_* series,
 * with its units and scaling — offsets and PPS jitter in µs, or ns when STA_NANO is set; maxerror,
 * esterror and tick in µs; frequencies in ppm with a 16-bit fraction (65536 = 1 ppm); sync_status 0
 * when adjtimex returns TIME_ERROR (5); offset_overflow_total counts readings with |offset| > 4 s
 * (node_exporter issue 3764) since the exporter started.
 * node_exporter: collector/timex.go.
 *
 * adjtimex is a native call (src/system/native.ts): where it cannot be made the run fails with the
 * reason (node_scrape_collector_success 0, one log line), never the process.
 */
import { adjtimex, defineCollector, mapping, type MetricMapping, type TimexReading } from '../src/collector';

/** adjtimex's return value when the clock is not synchronised (TIME_ERROR). */
const TIME_ERROR = 5;
/** STA_NANO: offset and jitter are in nanoseconds. */
const STA_NANO = 0x2000;
const MICRO = 1e6;
const NANO = 1e9;
/** ppm with a 16-bit fraction → a ratio (adjtimex(2), NOTES). */
const PPM16FRAC = 1e6 * 65536;
/** |offset| beyond this is a kernel overflow artifact (2^32 ns ≈ 4.29 s on KVM/pvclock). */
const OFFSET_OVERFLOW_SECONDS = 4;

/** The reading, and how many readings since the start had an overflowed offset. */
export interface TimexRecord {
  reading: TimexReading;
  overflows: number;
}

const divisor = (r: TimexReading): number => ((r.status & STA_NANO) !== 0 ? NANO : MICRO);

const series = (
  name: string,
  help: string,
  value: (r: TimexReading) => number,
  type: 'gauge' | 'counter' = 'gauge',
): MetricMapping<TimexRecord> =>
  mapping<TimexRecord>({ from: 'timex', name: `node_timex_${name}`, help, type, value: ({ record }) => value(record.reading) });

export const timex = defineCollector({
  name: 'timex',
  description: 'Kernel clock discipline: offset, frequency, errors, PPS (adjtimex(2), read-only).',
  defaultEnabled: true,
  reads: {},
  gather: () => Promise.resolve({ readings: [adjtimex()] }),
  transform: (input, { state }) => {
    const reading = (input.readings as TimexReading[] | undefined)?.[0];
    if (reading === undefined) return {};
    const offsetSeconds = reading.offset / divisor(reading);
    const overflows = ((state.overflows as number | undefined) ?? 0) + (Math.abs(offsetSeconds) > OFFSET_OVERFLOW_SECONDS ? 1 : 0);
    state.overflows = overflows;
    return { timex: [{ reading, overflows } satisfies TimexRecord] };
  },
  metrics: [
    series('sync_status', 'Is clock synchronized to a reliable server (1 = yes, 0 = no).', (r) => (r.state === TIME_ERROR ? 0 : 1)),
    series('offset_seconds', 'Time offset in between local system and reference clock.', (r) => r.offset / divisor(r)),
    mapping<TimexRecord>({
      from: 'timex',
      name: 'node_timex_offset_overflow_total',
      help:
        'Count of adjtimex() offset readings indicating kernel overflow (|offset| > 4s). ' +
        'See https://github.com/prometheus/node_exporter/issues/3764',
      type: 'counter',
      value: 'overflows',
    }),
    series('frequency_adjustment_ratio', 'Local clock frequency adjustment.', (r) => 1 + r.freq / PPM16FRAC),
    series('maxerror_seconds', 'Maximum error in seconds.', (r) => r.maxerror / MICRO),
    series('estimated_error_seconds', 'Estimated error in seconds.', (r) => r.esterror / MICRO),
    series('status', 'Value of the status array bits.', (r) => r.status),
    series('loop_time_constant', 'Phase-locked loop time constant.', (r) => r.constant),
    series('tick_seconds', 'Seconds between clock ticks.', (r) => r.tick / MICRO),
    series('pps_frequency_hertz', 'Pulse per second frequency.', (r) => r.ppsfreq / PPM16FRAC),
    series('pps_jitter_seconds', 'Pulse per second jitter.', (r) => r.jitter / divisor(r)),
    series('pps_shift_seconds', 'Pulse per second interval duration.', (r) => r.shift),
    series('pps_stability_hertz', 'Pulse per second stability, average of recent frequency changes.', (r) => r.stabil / PPM16FRAC),
    series('pps_jitter_total', 'Pulse per second count of jitter limit exceeded events.', (r) => r.jitcnt, 'counter'),
    series('pps_calibration_total', 'Pulse per second count of calibration intervals.', (r) => r.calcnt, 'counter'),
    series('pps_error_total', 'Pulse per second count of calibration errors.', (r) => r.errcnt, 'counter'),
    series('pps_stability_exceeded_total', 'Pulse per second count of stability limit exceeded events.', (r) => r.stbcnt, 'counter'),
    series('tai_offset_seconds', 'International Atomic Time (TAI) offset.', (r) => r.tai),
  ],
});
